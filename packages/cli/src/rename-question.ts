import * as readline from "node:readline";
import type { RenameCandidate } from "@autogen/compare";

/** The y/N question about rename candidates on a terminal; `close` releases stdin. */
export interface RenameQuestion {
  ask(candidate: RenameCandidate): Promise<boolean>;
  close(): void;
}

/**
 * Asks on stderr and reads the answer from stdin, only when both are terminals (a pipe or CI
 * is never asked: there the candidates stay drops plus adds unless a hint confirms them). Any
 * answer but y/yes is No, and so is the end of input. Lines typed ahead are kept for the
 * questions that follow. `text` spells the question.
 */
export function terminalRenameQuestion(text: (c: RenameCandidate) => string): RenameQuestion | null {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  let rl: readline.Interface | undefined;
  let closed = false;
  const lines: string[] = [];
  let waiting: ((line: string | null) => void) | null = null;
  const open = (): void => {
    if (rl) return;
    rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    rl.on("line", (line) => {
      if (waiting) waiting(line);
      else lines.push(line);
    });
    rl.on("close", () => {
      closed = true;
      waiting?.(null);
    });
  };
  const nextLine = (): Promise<string | null> => {
    if (lines.length) return Promise.resolve(lines.shift()!);
    if (closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      waiting = (line) => {
        waiting = null;
        resolve(line);
      };
    });
  };
  return {
    async ask(c) {
      open();
      const question = `${text(c)} [y/N] `;
      if (closed) {
        // Input ended (answers typed ahead, then end of file): show what answers each question.
        const line = lines.shift() ?? null;
        process.stderr.write(`${question}${line ?? ""}\n`);
        return isYes(line);
      }
      // The prompt belongs to readline, which redraws it while the answer is typed.
      rl!.setPrompt(question);
      rl!.prompt();
      const answer = await nextLine();
      if (answer === null) process.stderr.write("\n");
      return isYes(answer);
    },
    close() {
      if (rl && !closed) rl.close();
    },
  };
}

const isYes = (answer: string | null): boolean => answer !== null && /^\s*y(es)?\s*$/i.test(answer);

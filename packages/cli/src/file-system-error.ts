import { CommandError } from "@autogen/core";

/**
 * Node's fs errors name the file (`path`) and the call (`syscall`); network errors carry an
 * `address` instead. Their codes (ENOTDIR, EACCES) look like a network error's, but a folder
 * that is a file or not writable is the user's to fix: exit 2, not 3.
 */
export function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { syscall?: unknown; path?: unknown };
  return typeof e.syscall === "string" && typeof e.path === "string";
}

/**
 * `Could not <what>: ENOTDIR: not a directory` (a CommandError) for an fs error; anything else
 * is returned as it is. `what` names the file, so Node's trailing `, mkdir '<path>'` is dropped.
 */
export function fileSystemError(what: string, err: unknown): unknown {
  if (!isFileSystemError(err)) return err;
  const reason = err.message.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, "");
  return new CommandError(`Could not ${what}: ${reason}`, { cause: err });
}

import { DatabaseError } from "@autogen/core";

/** Longest statement excerpt quoted in a message; the whole statement stays in `details.statement`. */
const STATEMENT_EXCERPT = 200;

/**
 * The error for a session that could not be opened: refused, unreachable, bad credentials,
 * unknown database. `target` is the masked URL; a password the driver might echo is scrubbed.
 */
export function connectFailed(target: string, cause: unknown, password?: string): DatabaseError {
  return new DatabaseError(`Can't connect to ${target}: ${driverMessage(cause, password)}`, { cause });
}

/** The error for a failing statement: the driver's message, the statement kept in `details`. */
export function statementFailed(statement: string, cause: unknown): DatabaseError {
  return new DatabaseError(`${driverMessage(cause)} (statement: ${excerpt(statement)})`, { statement, cause });
}

/** The error for a statement sent after `close()`. */
export function connectionClosed(target: string, statement: string): DatabaseError {
  return new DatabaseError(`The connection to ${target} is closed`, { statement });
}

/**
 * One line of text for a driver error. Node reports a refused dual-stack connection as an
 * AggregateError with an empty message; its inner errors say what happened.
 */
export function driverMessage(err: unknown, password?: string): string {
  let text: string;
  if (err instanceof AggregateError && err.message === "") {
    text = [...new Set(err.errors.map((e) => driverMessage(e)))].join("; ");
  } else if (err instanceof Error) {
    text = err.message || String((err as { code?: unknown }).code ?? err.name);
  } else {
    text = String(err);
  }
  // Short passwords are skipped: scrubbing "ab" would mangle ordinary words, and no driver
  // message we know echoes a password; this only guards against one that would.
  if (password !== undefined && password.length >= 4) text = text.split(password).join("***");
  return oneLine(text);
}

/** `CREATE USER ... IDENTIFIED BY '...'`, `ALTER ROLE ... PASSWORD '...'`: the literal is a secret. */
const PASSWORD_LITERAL = /\b(IDENTIFIED\s+BY|PASSWORD)(\s*\(?\s*)'(?:[^'\\]|''|\\.)*'/gi;

function excerpt(statement: string): string {
  const line = oneLine(statement).replace(PASSWORD_LITERAL, "$1$2'***'");
  return line.length > STATEMENT_EXCERPT ? `${line.slice(0, STATEMENT_EXCERPT)}...` : line;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

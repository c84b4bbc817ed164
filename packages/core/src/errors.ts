/**
 * Base of every error autogen reports; the CLI maps `exitCode` to the process exit status (130:
 * a run Ctrl-C stopped, as a shell reports it).
 */
export abstract class AutogenError extends Error {
  abstract readonly exitCode: 1 | 2 | 3 | 130;
  constructor(message: string, options?: { cause?: unknown }) {
    super(maskPasswords(message), options);
    this.name = new.target.name;
  }
}

/** A user error: bad argument, bad config, unknown or ambiguous revision, broken graph. Exit 2. */
export class CommandError extends AutogenError {
  readonly exitCode = 2 as const;
}

/** A database error (connection, authentication, a failing statement). Exit 3. */
export class DatabaseError extends AutogenError {
  readonly exitCode = 3 as const;
  constructor(
    message: string,
    readonly details: { statement?: string; revision?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
}

/** `check` found differences between models and database. Exit 1. */
export class DiffsDetectedError extends AutogenError {
  readonly exitCode = 1 as const;
  constructor(
    message: string,
    readonly script: unknown,
  ) {
    super(message);
  }
}

/** An op kind that a dialect (or the reverser) has no implementation for: never skipped silently. */
export class UnsupportedOpError extends CommandError {
  constructor(
    readonly opKind: string,
    readonly where: string,
  ) {
    super(`Operation ${opKind} is not supported by ${where}`);
  }
}

/** An op that cannot be reversed (raw SQL without a reverse statement, bulk inserts). */
export class NotReversibleError extends CommandError {
  constructor(readonly op: { kind: string }) {
    super(`Operation ${op.kind} cannot be reversed automatically; write its downgrade by hand`);
  }
}

/** Replaces the password in every `scheme://user:password@host` URL of a text with `***`. */
export function maskPasswords(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@\s]*)(@)/gi, "$1***$3");
}

/** Options every `command.*` function accepts. */
export interface CommandOptions {
  /** The `-x KEY=VALUE` arguments, read by hooks and revision files. */
  x?: Readonly<Record<string, string>>;
  /**
   * An already-open driver connection (pg.Client, mysql2 connection, sqlite3 or
   * better-sqlite3 Database) to use instead of `url`. It is adopted, never closed.
   */
  connection?: unknown;
  /** Receives progress lines (`Running upgrade a -> b, msg`); default: discarded. */
  log?: (line: string) => void;
  /**
   * Receives warnings, one line each: of autogenerate, what reflection found in the database but
   * cannot express (a constraint kind the model has no field for, an INVISIBLE column, ...); of
   * `current`, a revision a dead run left partly applied; of `current`, `upgrade` and
   * `downgrade`, an applied revision whose file changed since it ran. Default:
   * `process.emitWarning` (`current`), discarded (`upgrade`, `downgrade`).
   */
  warn?: (line: string) => void;
  /**
   * Receives what autogenerate detected (`check`, `revision --autogenerate`), one line per change
   * as Alembic logs it: `Detected added column 'users.x'`. Default: discarded. The risks of the
   * changes go to `warn`, one line each (`risk data-loss: drops column users.pw`).
   */
  info?: (line: string) => void;
  /**
   * Receives where a long step stands (`reflecting the database; model built: 1000 tables`),
   * each call replacing the last: the CLI draws it as one line on a terminal. Default: none.
   */
  onProgress?: (stage: string) => void;
}

/** Options of the commands that run revisions or write the version table. */
export interface RunCommandOptions extends CommandOptions {
  /** Offline mode: return the SQL instead of running it (no connection is made). */
  sql?: boolean;
  /** An arbitrary tag revision files and hooks can read (Alembic's `--tag`). */
  tag?: string;
  /** Called with every statement as it is executed (online) or written (offline). */
  onStatement?: (sql: string) => void;
}

import { CommandError } from "@autogen/core";

/*
 * The few members of each driver that autogen uses, typed structurally: the drivers are loaded
 * lazily with require (an application installs only the ones it needs), and pg and
 * better-sqlite3 ship no types of their own.
 */

export interface PgQueryResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}
export interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<PgQueryResult | PgQueryResult[]>;
  end(): Promise<void>;
  on(event: "error", listener: (err: Error) => void): unknown;
}
export interface PgModule {
  Client: new (config: Record<string, unknown>) => PgClient;
}

export interface MysqlResultHeader {
  affectedRows: number;
}
/** mysql2's callback connection (a promise connection wraps one as `.connection`). */
export interface MysqlConnection {
  connect(callback: (err: Error | null) => void): void;
  query(sql: string, callback: (err: Error | null, result: unknown) => void): void;
  escape(value: unknown): string;
  end(callback: (err?: Error | null) => void): void;
  on(event: "error", listener: (err: Error) => void): unknown;
}
export interface MysqlModule {
  createConnection(config: Record<string, unknown>): MysqlConnection;
}

/** sqlite3's Database; callbacks get the statement as `this` (`this.changes`). */
export interface Sqlite3Database {
  configure(option: "busyTimeout", value: number): void;
  all(sql: string, params: unknown[], callback: (err: Error | null, rows: Record<string, unknown>[]) => void): void;
  run(sql: string, params: unknown[], callback: (this: { changes: number }, err: Error | null) => void): void;
  close(callback: (err: Error | null) => void): void;
}
export interface Sqlite3Module {
  Database: new (filename: string, callback: (err: Error | null) => void) => Sqlite3Database;
}

export interface BetterSqliteStatement {
  readonly reader: boolean;
  all(...params: unknown[]): Record<string, unknown>[];
  run(...params: unknown[]): { changes: number };
}
export interface BetterSqliteDatabase {
  prepare(sql: string): BetterSqliteStatement;
  pragma(source: string): unknown;
  close(): void;
}
export type BetterSqliteModule = new (filename: string, options: { timeout: number }) => BetterSqliteDatabase;

/** One result of PGlite's `query` or `exec`. */
export interface PgliteResults {
  rows: Record<string, unknown>[];
  affectedRows?: number;
}
/** A PGlite instance (@electric-sql/pglite). */
export interface PgliteDatabase {
  readonly waitReady: Promise<void>;
  query(sql: string, params?: unknown[]): Promise<PgliteResults>;
  exec(sql: string): Promise<PgliteResults[]>;
  close(): Promise<void>;
}
export interface PgliteModule {
  PGlite: new (options: {
    dataDir?: string;
    parsers?: Readonly<Record<number, (text: string) => unknown>>;
    /** Extension bundles by name (`@electric-sql/pglite/contrib/*` exports). */
    extensions?: Record<string, unknown>;
  }) => PgliteDatabase;
}

export type SqliteDriverName = "sqlite3" | "better-sqlite3";

export type DriverName = "pg" | "mysql2" | "@electric-sql/pglite" | SqliteDriverName;

/** Loads an installed driver, or says which package to install (see {@link driverSetupError}). */
export function loadDriver<T>(name: DriverName): T {
  try {
    return require(name) as T;
  } catch (err) {
    throw driverSetupError(name, err) ?? err;
  }
}

/**
 * A CommandError (exit 2: the project's setup, no database was reached) when `err` says the
 * driver cannot be used as installed, else undefined: the package is not installed, or its
 * native module (sqlite3, better-sqlite3) was not built, as when npm ran no install scripts,
 * or was built for another Node.js version.
 */
export function driverSetupError(name: DriverName, err: unknown): CommandError | undefined {
  if (isModuleNotFound(err, name)) {
    return new CommandError(`The ${name} driver is not installed: run npm install ${name}`, { cause: err });
  }
  if (isNativeModuleUnloadable(err)) {
    return new CommandError(
      `The ${name} driver is installed but its native module is missing or built for another Node.js: run npm rebuild ${name}`,
      { cause: err },
    );
  }
  return undefined;
}

/**
 * The SQLite driver to use: the one asked for, else sqlite3, else better-sqlite3 (TypeORM 1.x
 * applications install only that one).
 */
export function resolveSqliteDriver(preferred?: SqliteDriverName): SqliteDriverName {
  if (preferred) return preferred;
  for (const name of ["sqlite3", "better-sqlite3"] as const) {
    try {
      require.resolve(name);
      return name;
    } catch {
      // not installed: try the next one
    }
  }
  throw new CommandError("No SQLite driver is installed: run npm install sqlite3 (or better-sqlite3)");
}

function isModuleNotFound(err: unknown, name: string): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === "MODULE_NOT_FOUND" && (e.message ?? "").includes(`'${name}'`);
}

/** Node could not load a .node file, or the `bindings` package (both SQLite drivers') found none: it lists its `tries`. */
function isNativeModuleUnloadable(err: unknown): boolean {
  const e = err as { code?: string; tries?: unknown };
  return e?.code === "ERR_DLOPEN_FAILED" || Array.isArray(e?.tries);
}

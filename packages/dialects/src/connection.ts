import type { DialectName } from "./dialect-name";

/** The result of one statement: rows for queries, the affected-row count for DML. */
export interface QueryResult<R = Record<string, unknown>> {
  readonly rows: R[];
  readonly rowCount: number;
}

/**
 * One open database session, whatever the driver (pg, mysql2, sqlite3, better-sqlite3).
 * Transactions are plain statements (BEGIN/COMMIT) sent through `query`, so that online and
 * offline runs emit the same text. Driver errors are wrapped once here as DatabaseError.
 */
export interface Connection {
  readonly dialect: DialectName;
  /** Runs one statement; `params` use `?` placeholders on every dialect (translated for pg). */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Server version string, e.g. `15.19` or `10.11.19-MariaDB`. */
  serverVersion(): Promise<string>;
  close(): Promise<void>;
}

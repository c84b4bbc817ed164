import type { QueryResult } from "../connection";
import type { DialectName } from "../dialect-name";

/**
 * What differs between drivers behind a Connection: how one statement runs and how the session
 * ends. Error wrapping, the closed state and ownership live once, in SessionConnection.
 */
export interface DriverSession {
  readonly dialect: DialectName;
  /** Runs one statement whose `?` placeholders are still untranslated; driver errors propagate raw. */
  run(sql: string, params: readonly unknown[]): Promise<QueryResult>;
  /** A query whose first row's first column is the server version (e.g. `15.19`, `10.11.6-MariaDB`). */
  readonly versionQuery: string;
  /** Ends the driver session. Only called for sessions autogen opened itself. */
  end(): Promise<void>;
}

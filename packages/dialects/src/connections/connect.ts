import { AutogenError } from "@autogen/core";
import type { Connection } from "../connection";
import type { DialectName } from "../dialect-name";
import { openBetterSqlite3 } from "./better-sqlite3-session";
import { connectFailed } from "./database-errors";
import { type DatabaseUrl, formatUrl, maskUrl, parseUrl } from "./database-url";
import type { DriverSession } from "./driver-session";
import { resolveSqliteDriver, type SqliteDriverName } from "./driver-modules";
import { openMysql } from "./mysql-session";
import { openPglite } from "./pglite-session";
import { openPostgres } from "./postgres-session";
import { SessionConnection } from "./session-connection";
import { openSqlite3 } from "./sqlite3-session";

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** SQLite driver to use; by default sqlite3 when installed, else better-sqlite3. */
  readonly sqliteDriver?: SqliteDriverName;
}

const OPENERS: { [D in DialectName]: (u: DatabaseUrl, o: ConnectOptions) => Promise<DriverSession> } = {
  postgres: (u) => (u.driver === "pglite" ? openPglite(u.filename!) : openPostgres(u)),
  mysql: (u) => openMysql(u),
  sqlite: (u, o) =>
    resolveSqliteDriver(o.sqliteDriver) === "sqlite3" ? openSqlite3(u.filename!) : openBetterSqlite3(u.filename!),
};

/**
 * Opens one database session (a pg.Client, a mysql2 connection, a SQLite database, a PGlite
 * instance).
 * SQLite sessions wait up to 30 s for another process's lock and keep foreign keys off
 * (see SQLITE_SESSION_SETUP).
 *
 * @throws CommandError for a URL that does not parse or a driver that is not installed (exit 2).
 * @throws DatabaseError `Can't connect to <masked url>: <reason>` (exit 3).
 */
export async function connect(url: string | DatabaseUrl, o: ConnectOptions = {}): Promise<Connection> {
  const parsed = typeof url === "string" ? parseUrl(url) : url;
  const target = typeof url === "string" ? maskUrl(url) : formatUrl(parsed);
  let session: DriverSession;
  try {
    session = await OPENERS[parsed.dialect](parsed, o);
  } catch (err) {
    if (err instanceof AutogenError) throw err;
    throw connectFailed(target, err, parsed.password);
  }
  return new SessionConnection(session, { target, owned: true });
}

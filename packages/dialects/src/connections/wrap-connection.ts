import { CommandError } from "@autogen/core";
import type { Connection } from "../connection";
import { DIALECT_NAMES } from "../dialect-name";
import { betterSqliteSession } from "./better-sqlite3-session";
import type { DriverSession } from "./driver-session";
import type {
  BetterSqliteDatabase,
  MysqlConnection,
  PgClient,
  PgliteDatabase,
  Sqlite3Database,
} from "./driver-modules";
import { mysqlSession } from "./mysql-session";
import { pgliteSession } from "./pglite-session";
import { postgresSession } from "./postgres-session";
import { SessionConnection } from "./session-connection";
import { sqlite3Session } from "./sqlite3-session";

type Probe = Record<string, unknown>;
const isFunction = (x: Probe, ...names: string[]) => names.every((n) => typeof x[n] === "function");

/**
 * Each driver's connection object, recognised by shape (the user's copy of a driver may not be
 * the one autogen would require, so `instanceof` cannot be used).
 */
const ADOPTERS: readonly { name: string; matches(x: Probe): boolean; adopt(x: Probe): DriverSession }[] = [
  {
    name: "pg.Client",
    // pg.PoolClient is a pg.Client with `release`.
    matches: (x) => isFunction(x, "query", "connect") && typeof x.connectionParameters === "object",
    adopt: (x) => postgresSession(x as unknown as PgClient),
  },
  {
    name: "PGlite",
    matches: (x) => isFunction(x, "query", "exec", "transaction") && typeof x.waitReady === "object",
    adopt: (x) => pgliteSession(x as unknown as PgliteDatabase, { owned: false }),
  },
  {
    name: "mysql2 promise connection",
    matches: (x) => isFunction(x, "query", "execute") && isMysqlCallbackConnection(x.connection),
    adopt: (x) => mysqlSession(x.connection as MysqlConnection),
  },
  {
    name: "mysql2 connection",
    matches: isMysqlCallbackConnection,
    adopt: (x) => mysqlSession(x as unknown as MysqlConnection),
  },
  {
    name: "sqlite3.Database",
    matches: (x) => isFunction(x, "all", "run", "serialize", "configure"),
    adopt: (x) => sqlite3Session(x as unknown as Sqlite3Database),
  },
  {
    name: "better-sqlite3 Database",
    matches: (x) => isFunction(x, "prepare", "pragma", "exec"),
    adopt: (x) => betterSqliteSession(x as unknown as BetterSqliteDatabase),
  },
];

function isMysqlCallbackConnection(x: unknown): boolean {
  return (
    typeof x === "object" &&
    x !== null &&
    isFunction(x as Probe, "query", "escape", "format") &&
    typeof (x as Probe).config === "object" &&
    // A pool has the same members plus getConnection; it is refused, not adopted.
    typeof (x as Probe).getConnection !== "function"
  );
}

function isAutogenConnection(x: Probe): x is Probe & Connection {
  return DIALECT_NAMES.includes(x.dialect as never) && isFunction(x, "query", "serverVersion", "close");
}

/**
 * Adopts a connection the application already opened (Alembic's connection-sharing recipe):
 * a pg.Client or pg.PoolClient, a PGlite instance, a mysql2 connection (callback or promise API), a
 * sqlite3.Database or a better-sqlite3 Database; an autogen Connection is adopted too.
 * The session's settings are left as the application made them, and `close()` on the result
 * only detaches: the application's connection stays open.
 *
 * @throws CommandError for anything else (pools included: locks and transactions need one session).
 */
export function wrapConnection(driverConnection: unknown): Connection {
  if (typeof driverConnection !== "object" || driverConnection === null) {
    throw new CommandError(`Cannot use ${String(driverConnection)} as a database connection`);
  }
  const x = driverConnection as Probe;
  if (isAutogenConnection(x)) {
    const conn = x;
    return {
      dialect: conn.dialect,
      query: (sql, params) => conn.query(sql, params),
      serverVersion: () => conn.serverVersion(),
      close: async () => undefined,
    };
  }
  const adopter = ADOPTERS.find((a) => a.matches(x));
  if (!adopter) {
    const kind = (x.constructor as { name?: string } | undefined)?.name ?? "object";
    throw new CommandError(
      `Cannot use a ${kind} as a database connection: expected a pg.Client, a PGlite instance, a mysql2 connection, a sqlite3.Database or a better-sqlite3 Database (a single connection, not a pool)`,
    );
  }
  return new SessionConnection(adopter.adopt(x), { target: `an adopted ${adopter.name}`, owned: false });
}

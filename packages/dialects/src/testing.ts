/*
 * Test databases: each test gets its own empty database (a PostgreSQL database, a MariaDB
 * schema, a temp SQLite file), so test files run in parallel against the same servers.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";
import { DatabaseError } from "@autogen/core";
import type { Connection } from "./connection";
import { connect } from "./connections/connect";
import { type DatabaseUrl, formatUrl, parseUrl } from "./connections/database-url";
import { DIALECT_NAMES, type DialectName } from "./dialect-name";

/** An empty database of its own for one test. */
export interface FreshDatabase {
  readonly dialect: DialectName;
  /** The database's URL (password included: hand it to a CLI process or a config). */
  readonly url: string;
  /** Opens a new session on the database; `drop()` closes any still open. */
  connect(): Promise<Connection>;
  /** Drops the database (or deletes the file). Idempotent. */
  drop(): Promise<void>;
}

/** The server a dialect's test databases live on could not be reached. */
export class DatabaseUnavailable extends Error {
  constructor(
    readonly dialect: DialectName,
    readonly reason: string,
  ) {
    super(`${dialect} unreachable: ${reason}`);
    this.name = "DatabaseUnavailable";
  }
}

/** Servers used when AUTOGEN_TEST_PG_URL / AUTOGEN_TEST_MYSQL_URL are not set. */
const SERVER_URLS = {
  postgres: { env: "AUTOGEN_TEST_PG_URL", fallback: "postgres://postgres@127.0.0.1:5432/test" },
  mysql: { env: "AUTOGEN_TEST_MYSQL_URL", fallback: "mysql://root@127.0.0.1:3306/test" },
} as const;

/** Test databases are named `autogen_t_<base-36 creation time>_<random>`, so age is in the name. */
const PREFIX = "autogen_t_";
/** A test database older than this was left by a crashed run and is dropped by the next one. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Per-dialect SQL for creating, listing and dropping test databases. */
interface ServerSql {
  create(name: string): string;
  /** Lists test databases as `name` rows. */
  list: string;
  drop(name: string): string;
  /** Lists the ids of other sessions using a database (`?` = its name), to end them before the drop. */
  sessions?: string;
  kill?(id: unknown): string;
}

const SERVER_SQL: Record<"postgres" | "mysql", ServerSql> = {
  postgres: {
    create: (n) => `CREATE DATABASE "${n}"`,
    list: `SELECT datname AS name FROM pg_database WHERE datname LIKE '${PREFIX}%'`,
    // WITH (FORCE) ends sessions a failed test left open (PostgreSQL 13+).
    drop: (n) => `DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`,
  },
  mysql: {
    create: (n) => `CREATE DATABASE \`${n}\``,
    list: `SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE '${PREFIX}%'`,
    drop: (n) => `DROP DATABASE IF EXISTS \`${n}\``,
    // MariaDB has no WITH (FORCE): a session left in an open transaction by a failed test would
    // make DROP DATABASE wait on its metadata locks for ever, so such sessions are ended first.
    sessions: "SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()",
    kill: (id) => `KILL ${Number(id)}`,
  },
};

const swept = new Set<DialectName>();
/**
 * Servers found unreachable in this process, by masked URL: the next test skips at once instead
 * of waiting for another connect timeout (10 s each on a host that drops packets).
 */
const unreachable = new Map<string, string>();

/**
 * Creates an empty database for one test.
 *
 * @throws DatabaseUnavailable when the dialect's server cannot be reached, unless
 *   AUTOGEN_TEST_REQUIRE names the dialect: then an Error that fails the test.
 */
export async function freshDatabase(dialect: DialectName): Promise<FreshDatabase> {
  try {
    return dialect === "sqlite" ? await freshSqliteFile() : await freshServerDatabase(dialect);
  } catch (err) {
    if (!(err instanceof DatabaseUnavailable) || !requiredDialects().has(dialect)) throw err;
    throw new Error(`${err.message} (AUTOGEN_TEST_REQUIRE lists ${dialect})`, { cause: err });
  }
}

/**
 * node:test helper: a fresh database dropped after the test (after the test's own `after`
 * hooks), or undefined after skipping the test when the dialect's server is unreachable (and
 * not required).
 *
 * ```ts
 * it("adds a column", async (t) => {
 *   const db = await useDatabase(t, "postgres");
 *   if (!db) return;
 * });
 * ```
 */
export async function useDatabase(t: TestContext, dialect: DialectName): Promise<FreshDatabase | undefined> {
  try {
    const db = await freshDatabase(dialect);
    // after() hooks run in registration order, and the test's own cleanup (a DataSource, a
    // driver connection) is registered later than this one: the drop re-registers itself when
    // the hooks start, so that it runs last, after every session on the database has closed.
    t.after(() => {
      try {
        t.after(() => db.drop());
      } catch {
        return db.drop();
      }
    });
    return db;
  } catch (err) {
    if (!(err instanceof DatabaseUnavailable)) throw err;
    t.skip(err.message);
    return undefined;
  }
}

/**
 * The dialects tests loop over: all three, or those listed in AUTOGEN_TEST_DIALECTS
 * (comma list), to run one dialect's tests while working on it.
 */
export function dialectsUnderTest(): DialectName[] {
  const only = listEnv("AUTOGEN_TEST_DIALECTS");
  return DIALECT_NAMES.filter((d) => only.size === 0 || only.has(d));
}

/**
 * The URL of the server test databases are created on: AUTOGEN_TEST_PG_URL or
 * AUTOGEN_TEST_MYSQL_URL, else the local default.
 */
export function testServerUrl(dialect: "postgres" | "mysql"): string {
  const { env, fallback } = SERVER_URLS[dialect];
  return process.env[env] || fallback;
}

async function freshServerDatabase(dialect: "postgres" | "mysql"): Promise<FreshDatabase> {
  const server = parseUrl(testServerUrl(dialect));
  const sql = SERVER_SQL[dialect];
  const name = `${PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = await connectToServer(server);
  try {
    if (!swept.has(dialect)) {
      swept.add(dialect);
      await dropStale(admin, sql);
    }
    await admin.query(sql.create(name));
  } finally {
    await admin.close();
  }
  const url = formatUrl({ ...server, database: name }, { mask: false });
  return trackedDatabase(dialect, url, async () => {
    const conn = await connect(server);
    try {
      await endSessions(conn, sql, name);
      await conn.query(sql.drop(name));
    } finally {
      await conn.close();
    }
  });
}

async function freshSqliteFile(): Promise<FreshDatabase> {
  const dir = await mkdtemp(join(tmpdir(), "autogen-t-"));
  const url = formatUrl({ dialect: "sqlite", filename: join(dir, "test.db"), params: {} });
  return trackedDatabase("sqlite", url, () => rm(dir, { recursive: true, force: true }));
}

/** A FreshDatabase whose drop() first closes the sessions its connect() opened. */
function trackedDatabase(dialect: DialectName, url: string, destroy: () => Promise<void>): FreshDatabase {
  const open = new Set<Connection>();
  let dropped: Promise<void> | undefined;
  return {
    dialect,
    url,
    async connect() {
      const conn = await connect(url);
      open.add(conn);
      return conn;
    },
    drop() {
      dropped ??= (async () => {
        // MariaDB's DROP DATABASE waits for metadata locks that open sessions hold.
        await Promise.all([...open].map((c) => c.close()));
        await destroy();
      })();
      return dropped;
    },
  };
}

/**
 * Opens the admin session. Failing to connect (down, refused, bad credentials) makes the server
 * unavailable for tests; a bad URL or a missing driver stays an error.
 */
async function connectToServer(server: DatabaseUrl): Promise<Connection> {
  const key = formatUrl(server);
  const known = unreachable.get(key);
  if (known !== undefined) throw new DatabaseUnavailable(server.dialect, known);
  try {
    return await connect(server);
  } catch (err) {
    if (!(err instanceof DatabaseError)) throw err;
    unreachable.set(key, err.message);
    throw new DatabaseUnavailable(server.dialect, err.message);
  }
}

/** Ends the other sessions on a database; one that ends by itself meanwhile is not an error. */
async function endSessions(admin: Connection, sql: ServerSql, name: string): Promise<void> {
  if (!sql.sessions || !sql.kill) return;
  const { rows } = await admin.query<{ id: unknown }>(sql.sessions, [name]);
  for (const { id } of rows) await admin.query(sql.kill(id)).catch(() => undefined);
}

/**
 * Drops test databases a crashed run left behind. Another process may be dropping the same
 * ones, so a failure here is ignored: it only means someone else cleaned up first.
 */
async function dropStale(admin: Connection, sql: ServerSql): Promise<void> {
  const { rows } = await admin.query<{ name: string }>(sql.list);
  for (const { name } of rows) {
    const created = parseInt(name.slice(PREFIX.length).split("_")[0] ?? "", 36);
    if (Number.isFinite(created) && Date.now() - created > STALE_AFTER_MS) {
      await admin.query(sql.drop(name)).catch(() => undefined);
    }
  }
}

function requiredDialects(): Set<DialectName> {
  return listEnv("AUTOGEN_TEST_REQUIRE");
}

/** A comma list of dialect names from the environment; `postgresql` and `mariadb` are accepted too. */
function listEnv(name: string): Set<DialectName> {
  const aliases: Record<string, DialectName> = { postgresql: "postgres", mariadb: "mysql" };
  const names = (process.env[name] ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "")
    .map((s) => aliases[s] ?? s);
  return new Set(DIALECT_NAMES.filter((d) => names.includes(d)));
}

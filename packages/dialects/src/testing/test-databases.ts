/*
 * Test databases: each test gets its own empty database (a PostgreSQL database, a MariaDB
 * schema, a temp SQLite file), so test files run in parallel against the same servers.
 */
import type { TestContext } from "node:test";
import { DatabaseError } from "@autogen/core";
import { connect } from "../connections/connect";
import { type DatabaseUrl, formatUrl, parseUrl } from "../connections/database-url";
import { DIALECT_NAMES, type DialectName } from "../dialect-name";
import { createScratchDatabase, dropStaleScratchDatabases, type ScratchDatabase } from "../scratch-database";

/** An empty database of its own for one test. */
export type FreshDatabase = ScratchDatabase;

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

/**
 * Test databases are named `autogen_t_<base-36 creation time>_<host>_<base-36 pid>_<random>`, so
 * age and owner are in the name (scratch-owner.ts).
 */
const PREFIX = "autogen_t_";
/**
 * A test database older than this, or whose process on this host is gone, was left by a crashed
 * run and is dropped by the next one.
 */
const STALE_AFTER_MS = 60 * 60 * 1000;

const swept = new Set<DialectName>();
/**
 * Servers found unreachable in this process, by masked URL: the next test skips at once instead
 * of waiting for another connect timeout (10 s each on a host that drops packets).
 */
const unreachable = new Map<string, string>();
/** Servers already reached in this process: not probed again before each test database. */
const reached = new Set<string>();

/**
 * Creates an empty database for one test.
 *
 * @throws DatabaseUnavailable when the dialect's server cannot be reached, unless
 *   AUTOGEN_TEST_REQUIRE names the dialect: then an Error that fails the test.
 */
export async function freshDatabase(dialect: DialectName): Promise<FreshDatabase> {
  try {
    return dialect === "sqlite"
      ? await createScratchDatabase("sqlite://", { prefix: PREFIX })
      : await freshServerDatabase(dialect);
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
  await checkReachable(server);
  if (!swept.has(dialect)) {
    swept.add(dialect);
    await dropStaleScratchDatabases(server, { prefix: PREFIX, olderThanMs: STALE_AFTER_MS });
  }
  return createScratchDatabase(testServerUrl(dialect), { prefix: PREFIX });
}

/**
 * Failing to connect (down, refused, bad credentials) makes the server unavailable for tests;
 * a bad URL or a missing driver stays an error.
 */
async function checkReachable(server: DatabaseUrl): Promise<void> {
  const key = formatUrl(server);
  const known = unreachable.get(key);
  if (known !== undefined) throw new DatabaseUnavailable(server.dialect, known);
  if (reached.has(key)) return;
  try {
    await (await connect(server)).close();
    reached.add(key);
  } catch (err) {
    if (!(err instanceof DatabaseError)) throw err;
    unreachable.set(key, err.message);
    throw new DatabaseUnavailable(server.dialect, err.message);
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

/*
 * Scratch databases: an empty database made for one job and dropped after it, on the server a
 * URL names (a PostgreSQL database, a MariaDB schema), as a temp file (SQLite) or in memory
 * (PGlite). Test databases and `autogen verify` are made of them.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseError } from "@autogen/core";
import type { Connection } from "./connection";
import { connect } from "./connections/connect";
import { type DatabaseUrl, formatUrl, MEMORY_FILENAME, parseUrl } from "./connections/database-url";
import { openPglite } from "./connections/pglite-session";
import { SessionConnection } from "./connections/session-connection";
import type { DialectName } from "./dialect-name";
import { getDialect } from "./get-dialect";
import { isLeftover, scratchName } from "./scratch-owner";
import type { ServerDatabases } from "./server-databases";

/** An empty database of its own for one job. */
export interface ScratchDatabase {
  readonly dialect: DialectName;
  /** The database's URL (password included: hand it to a CLI process or a config). */
  readonly url: string;
  /** What it is, for messages: `database autogen_verify_x on postgres://u:***@host/`, `PGlite in memory`. */
  readonly description: string;
  /** Opens a new session on the database; `drop()` closes any still open. */
  connect(): Promise<Connection>;
  /** Drops the database (or deletes the file). Idempotent. */
  drop(): Promise<void>;
}

/** The login given may not create databases on its server. */
export class CreateDatabaseRefused extends DatabaseError {}

/**
 * Creates an empty database named `<prefix><base-36 time>_<host>_<base-36 pid>_<random>` (so its
 * age and owner are in its name, see scratch-owner.ts) on the server `serverUrl` names, with that
 * URL's login. A SQLite URL gives a temp file (in a folder named the same way, with `-`) and a
 * PGlite URL an in-memory instance, whatever their path.
 *
 * @throws CreateDatabaseRefused when the login may not create databases; DatabaseError when the
 *   server cannot be reached.
 */
export async function createScratchDatabase(serverUrl: string, o: { prefix: string }): Promise<ScratchDatabase> {
  const server = parseUrl(serverUrl);
  if (server.driver === "pglite") return pgliteInMemory();
  if (server.dialect === "sqlite") return sqliteTempFile(o);
  const sql = getDialect(server.dialect).serverDatabases!;
  const name = scratchName(o.prefix, "_");
  await withConnection(server, async (admin) => {
    try {
      await admin.query(sql.create(name));
    } catch (err) {
      if (!isPermissionDenied(err, sql)) throw err;
      throw new CreateDatabaseRefused(`${formatUrl(server)} may not create databases: ${(err as Error).message}`, {
        cause: err,
      });
    }
  });
  const url = formatUrl({ ...server, database: name }, { mask: false });
  const description = `database ${name} on ${formatUrl({ ...server, database: undefined })}`;
  return trackedDatabase(server.dialect, url, description, (closing) =>
    withConnection(server, async (admin) => {
      // Sessions still busy (a statement a Ctrl-C interrupted) are ended by the server, not waited for.
      await Promise.race([closing, delay(1000)]);
      await endSessions(admin, sql, name);
      await admin.query(sql.drop(name));
    }),
  );
}

/**
 * Drops the scratch databases named `<prefix>...` that were left behind: created more than
 * `olderThanMs` ago, or by a process of this host that is gone (killed before it could drop its
 * own; see scratch-owner.ts). For a SQLite URL, the temp folders of such files. Another process
 * may be dropping the same ones, so a failure to drop one is ignored.
 *
 * @returns the names dropped.
 */
export async function dropStaleScratchDatabases(
  serverUrl: string | DatabaseUrl,
  o: { prefix: string; olderThanMs: number },
): Promise<string[]> {
  const server = typeof serverUrl === "string" ? parseUrl(serverUrl) : serverUrl;
  if (server.driver === "pglite") return [];
  if (server.dialect === "sqlite") return removeStaleTempFolders(o);
  const sql = getDialect(server.dialect).serverDatabases;
  if (!sql) return [];
  return withConnection(server, async (admin) => {
    const { rows } = await admin.query<{ name: string }>(sql.list(o.prefix));
    const dropped: string[] = [];
    for (const { name } of rows) {
      if (!isLeftover(name, { ...o, sep: "_" })) continue;
      await admin.query(sql.drop(name)).then(
        () => dropped.push(name),
        () => undefined,
      );
    }
    return dropped.sort();
  });
}

/** The temp folders of leftover SQLite scratch files (named `<prefix with ->...`). */
async function removeStaleTempFolders(o: { prefix: string; olderThanMs: number }): Promise<string[]> {
  const prefix = o.prefix.replaceAll("_", "-");
  const removed: string[] = [];
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    if (!isLeftover(name, { prefix, sep: "-", olderThanMs: o.olderThanMs })) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed.sort();
}

async function sqliteTempFile(o: { prefix: string }): Promise<ScratchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), scratchName(o.prefix.replaceAll("_", "-"), "-", { random: false })));
  const filename = join(dir, "scratch.db");
  const url = formatUrl({ dialect: "sqlite", filename, params: {} });
  return trackedDatabase("sqlite", url, `temp file ${filename}`, async (closing) => {
    await Promise.race([closing, delay(1000)]);
    await rm(dir, { recursive: true, force: true });
  });
}

/** One PGlite instance: every `connect()` is a session on it (PGlite has one session anyway). */
async function pgliteInMemory(): Promise<ScratchDatabase> {
  const session = await openPglite(MEMORY_FILENAME);
  const open = new Set<SessionConnection>();
  let dropped: Promise<void> | undefined;
  return {
    dialect: "postgres",
    url: `pglite://${MEMORY_FILENAME}`,
    description: "PGlite in memory",
    async connect() {
      const conn = new SessionConnection(session, { target: "PGlite in memory", owned: false });
      open.add(conn);
      return conn;
    },
    drop() {
      dropped ??= (async () => {
        await Promise.all([...open].map((c) => c.close()));
        await session.end();
      })();
      return dropped;
    },
  };
}

/** A ScratchDatabase whose drop() closes the sessions its connect() opened, then destroys it. */
function trackedDatabase(
  dialect: DialectName,
  url: string,
  description: string,
  destroy: (closing: Promise<unknown>) => Promise<void>,
): ScratchDatabase {
  const open = new Set<Connection>();
  let dropped: Promise<void> | undefined;
  return {
    dialect,
    url,
    description,
    async connect() {
      const conn = await connect(url);
      open.add(conn);
      return conn;
    },
    drop() {
      // MariaDB's DROP DATABASE waits for metadata locks that open sessions hold.
      dropped ??= (async () => {
        const closing = Promise.all([...open].map((c) => c.close()));
        await destroy(closing);
        await closing;
      })();
      return dropped;
    },
  };
}

async function withConnection<T>(server: DatabaseUrl, fn: (c: Connection) => Promise<T>): Promise<T> {
  const conn = await connect(server);
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

/** Ends the other sessions on a database; one that ends by itself meanwhile is not an error. */
async function endSessions(admin: Connection, sql: ServerDatabases, name: string): Promise<void> {
  if (!sql.sessions || !sql.kill) return;
  const { rows } = await admin.query<{ id: unknown }>(sql.sessions, [name]);
  for (const { id } of rows) await admin.query(sql.kill(id)).catch(() => undefined);
}

function isPermissionDenied(err: unknown, sql: ServerDatabases): boolean {
  const code = (err instanceof DatabaseError ? (err.details.cause as { code?: unknown }) : undefined)?.code;
  return typeof code === "string" && sql.permissionDenied.includes(code);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

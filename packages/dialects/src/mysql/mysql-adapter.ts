import { createHash } from "node:crypto";
import { DatabaseError } from "@autogen/core";
import type { Connection } from "../connection";
import type { DialectAdapter } from "../dialect";

/** MySQL limits lock names to 64 characters; longer names are replaced by a digest. */
const MAX_LOCK_NAME = 64;

export function mysqlLockName(name: string): string {
  return name.length <= MAX_LOCK_NAME
    ? name
    : `autogen_${createHash("sha256").update(name).digest("hex").slice(0, 48)}`;
}

/**
 * The names of the locks each session holds, by the name it was asked for: user-lock names are
 * server-wide, so the lock is taken under the session's database (runs on two databases of one
 * server do not wait for each other), and released under the same name even if a revision
 * switched databases with USE in between.
 */
const heldLocks = new WeakMap<Connection, Map<string, string>>();

async function databaseLockName(conn: Connection, name: string): Promise<string> {
  const { rows } = await conn.query<{ db: string | null }>("SELECT DATABASE() AS db");
  return mysqlLockName(`${rows[0]?.db ?? ""}:${name}`);
}

/**
 * MySQL / MariaDB: DDL commits implicitly, so no transactional DDL; the run lock is a named
 * user lock, which the server also frees when the session ends
 * (https://dev.mysql.com/doc/refman/8.0/en/locking-functions.html). GET_LOCK returns 1 when it
 * got the lock, 0 when the wait timed out and NULL on an error: each outcome is checked.
 */
export const mysqlAdapter: DialectAdapter = {
  supportsTransactionalDdl: false,
  requiresBatchRecreate: false,
  supportsComments: true,
  requiresRecreate: () => false,
  hasModelChecks: false,
  runLockIsTransaction: false,
  beginStatement: "START TRANSACTION",
  commitStatement: "COMMIT",
  rollbackStatement: "ROLLBACK",
  // TIMESTAMP ends in 2038 and follows the session's time zone; DATETIME keeps what was written.
  timestampType: "DATETIME",
  async acquireRunLock(conn: Connection, o: { name: string; timeoutMs: number }) {
    const seconds = Math.max(0, Math.ceil(o.timeoutMs / 1000));
    const lockName = await databaseLockName(conn, o.name);
    const { rows } = await conn.query<{ locked: number | string | null }>("SELECT GET_LOCK(?, ?) AS locked", [
      lockName,
      seconds,
    ]);
    const locked = rows[0]?.locked;
    if (locked === null || locked === undefined)
      throw new DatabaseError(`GET_LOCK failed for the migration lock "${o.name}"`);
    if (Number(locked) !== 1) {
      throw new DatabaseError(
        `Could not take the migration lock "${o.name}" within ${seconds} s: another autogen run holds it`,
      );
    }
    if (!heldLocks.has(conn)) heldLocks.set(conn, new Map());
    heldLocks.get(conn)!.set(o.name, lockName);
  },
  async releaseRunLock(conn: Connection, o: { name: string }) {
    const lockName = heldLocks.get(conn)?.get(o.name) ?? (await databaseLockName(conn, o.name));
    heldLocks.get(conn)?.delete(o.name);
    const { rows } = await conn.query<{ released: number | string | null }>("SELECT RELEASE_LOCK(?) AS released", [
      lockName,
    ]);
    const released = rows[0]?.released;
    if (released === null || released === undefined)
      throw new DatabaseError(`The migration lock "${o.name}" does not exist`);
    if (Number(released) !== 1) throw new DatabaseError(`The migration lock "${o.name}" is held by another session`);
  },
};

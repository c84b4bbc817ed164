import { createHash } from "node:crypto";
import { DatabaseError } from "@autogen/core";
import type { Connection } from "../connection";
import type { DialectAdapter } from "../dialect";
import { HeldRunLocks, type RunLockRequest } from "../run-lock-scope";

/** MySQL limits lock names to 64 characters; longer names are replaced by a digest. */
const MAX_LOCK_NAME = 64;

export function mysqlLockName(name: string): string {
  return name.length <= MAX_LOCK_NAME
    ? name
    : `autogen_${createHash("sha256").update(name).digest("hex").slice(0, 48)}`;
}

/**
 * User-lock names are server-wide, so an unqualified lock is taken under the session's database:
 * runs on two databases of one server do not wait for each other.
 */
const heldLocks = new HeldRunLocks("SELECT DATABASE() AS scope", mysqlLockName);

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
  hasModelChecks: true,
  runLockIsTransaction: false,
  beginStatement: "START TRANSACTION",
  commitStatement: "COMMIT",
  rollbackStatement: "ROLLBACK",
  // TIMESTAMP ends in 2038 and follows the session's time zone; DATETIME keeps what was written.
  timestampType: "DATETIME",
  async acquireRunLock(conn: Connection, o: RunLockRequest & { timeoutMs: number }) {
    const seconds = Math.max(0, Math.ceil(o.timeoutMs / 1000));
    const lockName = await heldLocks.nameFor(conn, o);
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
    heldLocks.taken(conn, o, lockName);
  },
  async releaseRunLock(conn: Connection, o: RunLockRequest) {
    const lockName = await heldLocks.release(conn, o);
    const { rows } = await conn.query<{ released: number | string | null }>("SELECT RELEASE_LOCK(?) AS released", [
      lockName,
    ]);
    const released = rows[0]?.released;
    if (released === null || released === undefined)
      throw new DatabaseError(`The migration lock "${o.name}" does not exist`);
    if (Number(released) !== 1) throw new DatabaseError(`The migration lock "${o.name}" is held by another session`);
  },
};

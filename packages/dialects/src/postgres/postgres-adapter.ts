import { createHash } from "node:crypto";
import { DatabaseError } from "@autogen/core";
import type { Connection } from "../connection";
import type { DialectAdapter } from "../dialect";
import { HeldRunLocks, type RunLockRequest } from "../run-lock-scope";

/**
 * The advisory-lock key of a lock name: the first 8 bytes of its SHA-256 as a signed bigint
 * (pg_advisory_lock takes one bigint key: https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS).
 */
export function postgresLockKey(name: string): string {
  return createHash("sha256").update(name).digest().readBigInt64BE(0).toString();
}

/**
 * Advisory locks are per database; an unqualified lock is also scoped by the session's current
 * schema (the first of search_path, where an unqualified version table lives), so tenants in
 * schemas of one database migrate side by side.
 */
const heldLocks = new HeldRunLocks("SELECT current_schema() AS scope", postgresLockKey);

/**
 * PostgreSQL: transactional DDL, and a session-level advisory lock as the run lock. The wait is
 * bounded by lock_timeout, which applies to advisory locks as to any other lock
 * (https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT); the
 * session's own lock_timeout is restored afterwards.
 */
export const postgresAdapter: DialectAdapter = {
  supportsTransactionalDdl: true,
  requiresBatchRecreate: false,
  supportsComments: true,
  requiresRecreate: () => false,
  hasModelChecks: true,
  runLockIsTransaction: false,
  beginStatement: "BEGIN",
  commitStatement: "COMMIT",
  rollbackStatement: "ROLLBACK",
  timestampType: "TIMESTAMP WITH TIME ZONE",
  async acquireRunLock(conn: Connection, o: RunLockRequest & { timeoutMs: number }) {
    const key = await heldLocks.nameFor(conn, o);
    const { rows } = await conn.query<{ previous: string }>("SELECT current_setting('lock_timeout') AS previous");
    await conn.query(`SET lock_timeout = ${Math.max(1, Math.ceil(o.timeoutMs))}`);
    try {
      await conn.query(`SELECT pg_advisory_lock(${key})`);
      heldLocks.taken(conn, o, key);
    } catch (err) {
      throw new DatabaseError(
        `Could not take the migration lock "${o.name}" within ${o.timeoutMs} ms: another autogen run holds it`,
        { cause: err },
      );
    } finally {
      await conn.query("SELECT set_config('lock_timeout', ?, false)", [rows[0]?.previous ?? "0"]);
    }
  },
  async releaseRunLock(conn: Connection, o: RunLockRequest) {
    const key = await heldLocks.release(conn, o);
    const { rows } = await conn.query<{ released: boolean }>(`SELECT pg_advisory_unlock(${key}) AS released`);
    if (rows[0]?.released !== true)
      throw new DatabaseError(`The migration lock "${o.name}" was not held by this session`);
  },
};

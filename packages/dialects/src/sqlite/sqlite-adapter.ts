import { DatabaseError } from "@autogen/core";
import type { Connection } from "../connection";
import type { DialectAdapter } from "../dialect";
import { recreateSqliteTable, sqliteTableTriggers } from "./sqlite-batch";
import { sqliteRequiresRecreate } from "./sqlite-requires-recreate";

/**
 * Connections whose `foreign_keys` pragma was ON when the run started (a better-sqlite3
 * Database handed in by the application: it turns them on by default). Batch move-and-copy
 * needs them OFF — a DROP TABLE would otherwise cascade into the children's rows — and the
 * pragma only takes effect outside a transaction, so it is switched off before BEGIN and back
 * on after the run (recreateTable checks `PRAGMA foreign_key_check` after every recreate).
 */
const foreignKeysWereOn = new WeakSet<Connection>();

/**
 * SQLite: transactional DDL, table changes by move-and-copy, and the run lock is the
 * transaction itself. `BEGIN EXCLUSIVE` takes the database's write lock at once (no other
 * connection can write until COMMIT or ROLLBACK: https://www.sqlite.org/lang_transaction.html),
 * waiting for a running one through the busy timeout, which is set to the lock timeout for that
 * statement and then restored.
 */
export const sqliteAdapter: DialectAdapter = {
  supportsTransactionalDdl: true,
  requiresBatchRecreate: true,
  requiresRecreate: sqliteRequiresRecreate,
  recreateTable: recreateSqliteTable,
  tableTriggers: sqliteTableTriggers,
  supportsComments: false,
  hasModelChecks: true,
  runLockIsTransaction: true,
  beginStatement: "BEGIN",
  commitStatement: "COMMIT",
  rollbackStatement: "ROLLBACK",
  // CURRENT_TIMESTAMP is UTC text: YYYY-MM-DD HH:MM:SS.
  timestampType: "TIMESTAMP",
  async acquireRunLock(conn: Connection, o: { name: string; timeoutMs: number }) {
    const fk = await conn.query("PRAGMA foreign_keys");
    if (Number(Object.values(fk.rows[0] ?? {})[0] ?? 0) === 1) {
      await conn.query("PRAGMA foreign_keys = OFF");
      foreignKeysWereOn.add(conn);
    }
    const { rows } = await conn.query<{ timeout: number }>("PRAGMA busy_timeout");
    const previous = Number(Object.values(rows[0] ?? {})[0] ?? 0);
    await conn.query(`PRAGMA busy_timeout = ${Math.max(0, Math.ceil(o.timeoutMs))}`);
    try {
      await conn.query("BEGIN EXCLUSIVE");
    } catch (err) {
      throw new DatabaseError(
        `Could not take the migration lock "${o.name}" within ${o.timeoutMs} ms: another process is writing to the database`,
        {
          cause: err,
        },
      );
    } finally {
      await conn.query(`PRAGMA busy_timeout = ${previous}`);
    }
  },
  /** COMMIT or ROLLBACK, which the runtime sends, ended the lock; foreign keys go back on if they were. */
  async releaseRunLock(conn: Connection) {
    if (foreignKeysWereOn.delete(conn)) await conn.query("PRAGMA foreign_keys = ON");
  },
};

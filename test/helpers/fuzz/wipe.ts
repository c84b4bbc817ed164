/* Emptying a fuzz run's scratch database between pairs, whatever state a pair left it in (a
 * failure midway, a downgrade that could not run): cheaper than a new database per pair. */
import type { Connection, DialectName } from "@autogen/dialects";
import type { FreshDatabase } from "@autogen/dialects/testing";

/** The statements that drop everything in the database a connection is on, per dialect. */
const WIPE: Record<DialectName, (conn: Connection) => Promise<string[]>> = {
  // Tables, enum types and the version table all live in the public schema.
  postgres: async () => ["DROP SCHEMA public CASCADE", "CREATE SCHEMA public"],
  mysql: async (conn) => {
    const name = String(Object.values((await conn.query("SELECT DATABASE() AS d")).rows[0]!)[0]);
    const q = `\`${name.replace(/`/g, "``")}\``;
    return [`DROP DATABASE ${q}`, `CREATE DATABASE ${q}`];
  },
  sqlite: async (conn) => {
    const tables = await conn.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    return [
      "PRAGMA foreign_keys = OFF",
      ...tables.rows.map((r) => `DROP TABLE "${String(r["name"]).replace(/"/g, '""')}"`),
      "PRAGMA foreign_keys = ON",
    ];
  },
};

/** Drops every table, type and the version table of `db`, leaving it empty for the next pair. */
export async function wipeDatabase(db: FreshDatabase): Promise<void> {
  const conn = await db.connect();
  try {
    for (const sql of await WIPE[db.dialect](conn)) await conn.query(sql);
  } finally {
    await conn.close();
  }
}

/* Runs an offline (--sql) script on a SQLite file as a user would: through the sqlite3 CLI, or,
 * where it is not installed, the sqlite3 driver's exec (the same SQLite library, one script). */
import { spawnSync } from "node:child_process";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import type { TestContext } from "node:test";
import { connect, formatUrl, parseUrl, type Connection } from "@autogen/dialects";
import type { FreshDatabase } from "@autogen/dialects/testing";
import type { OfflineReplay, Row } from "./change-scenario";

/** Whether the `sqlite3` command is on PATH. */
export function hasSqlite3Cli(): boolean {
  return spawnSync("sqlite3", ["-version"], { encoding: "utf8" }).status === 0;
}

/** Runs `script` on the database file; fails the test with sqlite3's message on any error. */
export async function runSqliteScript(file: string, script: string): Promise<void> {
  if (hasSqlite3Cli()) {
    // -bail: stop at the first error, as a deploy would; the exit status says so.
    const r = spawnSync("sqlite3", ["-bail", file], { input: script, encoding: "utf8" });
    assert.equal(r.status, 0, `sqlite3 failed: ${r.stderr}\n--- script\n${script}`);
    assert.equal(r.stderr, "", `sqlite3 wrote to stderr\n--- script\n${script}`);
    return;
  }
  const sqlite3 = require("sqlite3") as typeof import("sqlite3");
  const db = new sqlite3.Database(file);
  try {
    await new Promise<void>((resolve, reject) => db.exec(script, (err) => (err ? reject(err) : resolve())));
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** The schema of a SQLite database as sqlite_schema has it: one `type name tbl_name: sql` line per object. */
export function sqliteSchemaLines(
  rows: readonly { type: string; name: string; tbl_name: string; sql: string | null }[],
) {
  return rows.map((r) => `${r.type} ${r.name} ${r.tbl_name}: ${r.sql ?? ""}`).sort();
}

/** The query {@link sqliteSchemaLines} reads (SQLite's own objects left out). */
export const SQLITE_SCHEMA_QUERY =
  "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";

/** Runs a read on a connection, or on a database file (opened for it). */
async function read<R>(db: Connection | string, sql: string): Promise<R[]> {
  if (typeof db !== "string") return (await db.query<R>(sql)).rows;
  const conn = await connect(formatUrl({ dialect: "sqlite", filename: db, params: {} }, { mask: false }));
  try {
    return (await conn.query<R>(sql)).rows;
  } finally {
    await conn.close();
  }
}

/** The SQLite change suite's offline replay: a copied file, the sqlite3 CLI, sqlite_master. */
export const sqliteOfflineReplay: OfflineReplay = {
  copy(t: TestContext, db: FreshDatabase, what: string): string {
    const { filename } = parseUrl(db.url);
    assert.ok(filename);
    const copy = `${filename}.${what}-offline.db`;
    fs.copyFileSync(filename, copy);
    t.after(() => fs.rmSync(copy, { force: true }));
    return copy;
  },
  run: runSqliteScript,
  schema: async (db) => sqliteSchemaLines(await read(db, SQLITE_SCHEMA_QUERY)),
  rows: (db, table) => read<Row>(db, `SELECT * FROM "${table}" ORDER BY 1`),
};

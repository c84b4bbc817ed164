import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, it } from "node:test";
import { connect, parseUrl, SQLITE_BUSY_TIMEOUT_MS, type SqliteDriverName } from "../src/index";
import { useDatabase } from "../src/testing";

/** A separate process that holds `BEGIN EXCLUSIVE` on `file` for `holdMs`, then commits. */
async function holdExclusiveLock(file: string, holdMs: number): Promise<{ done: Promise<unknown> }> {
  const script = `
    const sqlite3 = require(${JSON.stringify(require.resolve("sqlite3"))});
    const db = new sqlite3.Database(${JSON.stringify(file)});
    db.exec("BEGIN EXCLUSIVE", (err) => {
      if (err) throw err;
      process.stdout.write("locked\\n");
      setTimeout(() => db.exec("COMMIT", () => db.close()), ${holdMs});
    });`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const done = once(child, "exit");
  await once(child.stdout, "data");
  return { done };
}

const drivers: SqliteDriverName[] = ["sqlite3", "better-sqlite3"];

for (const sqliteDriver of drivers) {
  describe(`sqlite via ${sqliteDriver}`, () => {
    it("keeps foreign keys off and sets a busy timeout on migration sessions", async (t) => {
      const db = await useDatabase(t, "sqlite");
      if (!db) return;
      const conn = await connect(db.url, { sqliteDriver });
      t.after(() => conn.close());
      assert.deepEqual(
        (await conn.query("PRAGMA foreign_keys")).rows.map((r) => Object.values(r)[0]),
        [0],
      );
      assert.deepEqual(
        (await conn.query("PRAGMA busy_timeout")).rows.map((r) => Object.values(r)[0]),
        [SQLITE_BUSY_TIMEOUT_MS],
      );
    });

    it("counts changed rows, and rows returned by RETURNING", async (t) => {
      const db = await useDatabase(t, "sqlite");
      if (!db) return;
      const conn = await connect(db.url, { sqliteDriver });
      t.after(() => conn.close());
      await conn.query("CREATE TABLE v (version_num varchar(32) NOT NULL PRIMARY KEY)");
      assert.equal((await conn.query("INSERT INTO v VALUES (?), (?)", ["a", "b"])).rowCount, 2);
      // DDL after DML must not report the previous statement's count.
      assert.equal((await conn.query("CREATE INDEX ix_v ON v (version_num)")).rowCount, 0);
      assert.equal(
        (await conn.query("/* stamp */ UPDATE v SET version_num = ? WHERE version_num = ?", ["c", "a"])).rowCount,
        1,
      );
      const returned = await conn.query("DELETE FROM v WHERE version_num IN (?, ?) RETURNING version_num", ["b", "c"]);
      assert.deepEqual(returned.rows.map((r) => r.version_num).sort(), ["b", "c"]);
      assert.equal(returned.rowCount, 2);
    });

    it("waits for another process's exclusive lock instead of failing", async (t) => {
      const db = await useDatabase(t, "sqlite");
      if (!db) return;
      const setup = await connect(db.url, { sqliteDriver });
      await setup.query("CREATE TABLE runs (id integer)");
      await setup.close();

      const file = parseUrl(db.url).filename!;
      const holder = await holdExclusiveLock(file, 500);
      const conn = await connect(db.url, { sqliteDriver });
      t.after(() => conn.close());
      const started = Date.now();
      await conn.query("BEGIN EXCLUSIVE");
      const waited = Date.now() - started;
      await conn.query("INSERT INTO runs (id) VALUES (?)", [1]);
      await conn.query("COMMIT");
      await holder.done;
      assert.ok(waited >= 200, `BEGIN EXCLUSIVE returned after ${waited} ms, before the other process committed`);
      assert.equal((await conn.query("SELECT id FROM runs")).rowCount, 1);
    });
  });
}

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DatabaseError } from "@autogen/core";
import { connect } from "../src/index";
import { dialectsUnderTest, useDatabase } from "../src/testing";

/** The same statements on every dialect: `?` placeholders, rows, affected-row counts. */
for (const dialect of dialectsUnderTest()) {
  describe(`${dialect}: connect() and query()`, () => {
    it("binds ? parameters and reports rows and affected-row counts", async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      const conn = await db.connect();
      await conn.query("CREATE TABLE items (id integer PRIMARY KEY, name varchar(40), note varchar(40))");

      const inserted = await conn.query("INSERT INTO items (id, name, note) VALUES (?, ?, ?), (?, ?, ?)", [
        1,
        "one",
        null,
        2,
        "two?",
        "it's",
      ]);
      assert.deepEqual(inserted, { rows: [], rowCount: 2 });

      // Setting a row to the value it already has still counts it: the version table's
      // "expected to match one row" check depends on matched, not changed, rows (MySQL FOUND_ROWS).
      const unchanged = await conn.query("UPDATE items SET name = ? WHERE id = ?", ["one", 1]);
      assert.equal(unchanged.rowCount, 1);
      assert.equal((await conn.query("DELETE FROM items WHERE id = ?", [99])).rowCount, 0);

      const selected = await conn.query<{ id: number; name: string; note: string | null }>(
        "SELECT id, name, note FROM items WHERE id >= ? ORDER BY id",
        [1],
      );
      assert.deepEqual(selected, {
        rows: [
          { id: 1, name: "one", note: null },
          { id: 2, name: "two?", note: "it's" },
        ],
        rowCount: 2,
      });
      await conn.close();
    });

    it("leaves ? inside literals, quoted identifiers and comments alone", async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      const conn = await db.connect();
      const quote = dialect === "mysql" ? "`" : '"';
      const { rows } = await conn.query(
        `SELECT 'a?b' AS lit, 'it''s ?' AS doubled, ? AS p1, ${quote}q?${quote}.x AS ident, ? AS p2 /* ? */ FROM (SELECT 1 AS x) ${quote}q?${quote} -- ?`,
        ["first", "second"],
      );
      assert.deepEqual(
        rows.map((r) => ({ ...r, ident: Number(r.ident) })),
        [{ lit: "a?b", doubled: "it's ?", p1: "first", ident: 1, p2: "second" }],
      );
      await conn.close();
    });

    it("runs several statements in one transaction", async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      const conn = await db.connect();
      await conn.query("CREATE TABLE tx (id integer PRIMARY KEY)");
      await conn.query("BEGIN");
      await conn.query("INSERT INTO tx (id) VALUES (?)", [1]);
      await conn.query("ROLLBACK");
      assert.deepEqual(
        (await conn.query("SELECT count(*) AS n FROM tx")).rows.map((r) => Number(r.n)),
        [0],
      );
      await conn.close();
    });

    it("reports the server version", async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      const conn = await db.connect();
      const version = await conn.serverVersion();
      assert.match(version, /^\d+\.\d+(\.\d+)?/);
      if (dialect === "mysql") assert.match(version, /MariaDB|^\d+\.\d+\.\d+/);
      if (dialect === "postgres") assert.doesNotMatch(version, /\s/);
      await conn.close();
    });

    it("wraps a failing statement once, keeping the statement and the driver error", async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      const conn = await db.connect();
      const sql = "SELECT *\n  FROM no_such_table WHERE id = ?";
      await assert.rejects(conn.query(sql, [1]), (err: unknown) => {
        assert.ok(err instanceof DatabaseError);
        assert.equal(err.exitCode, 3);
        assert.equal(err.details.statement, sql);
        assert.ok(err.cause instanceof Error && !(err.cause instanceof DatabaseError));
        assert.match(err.message, /no_such_table/);
        assert.doesNotMatch(err.message, /\n/);
        return true;
      });
      // The session survives a failed statement.
      assert.equal((await conn.query("SELECT 1 AS one")).rowCount, 1);
      await conn.close();
    });

    it("rejects a parameter count that does not match the placeholders", async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      const conn = await db.connect();
      await assert.rejects(conn.query("SELECT ? AS a, ? AS b", [1]), DatabaseError);
      await conn.close();
    });

    it("closes idempotently and refuses statements afterwards", async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      const conn = await db.connect();
      await conn.close();
      await conn.close();
      await assert.rejects(conn.query("SELECT 1"), (err: unknown) => {
        assert.ok(err instanceof DatabaseError);
        assert.match(err.message, /is closed/);
        return true;
      });
    });
  });
}

describe("mysql: one statement per query", () => {
  it("refuses several statements in one query (multipleStatements is off)", async (t) => {
    const db = await useDatabase(t, "mysql");
    if (!db) return;
    const conn = await db.connect();
    await assert.rejects(conn.query("SELECT 1; SELECT 2"), DatabaseError);
    await conn.close();
  });
});

describe("postgres: jsonb ? operator", () => {
  it("is left alone when the query has no parameters", async (t) => {
    const db = await useDatabase(t, "postgres");
    if (!db) return;
    const conn = await db.connect();
    const { rows } = await conn.query(`SELECT '{"a": 1}'::jsonb ? 'a' AS has_a`);
    assert.deepEqual(rows, [{ has_a: true }]);
    await conn.close();
  });
});

describe("sqlite: in-memory", () => {
  it("opens sqlite://:memory:", async () => {
    const conn = await connect("sqlite://:memory:");
    await conn.query("CREATE TABLE t (x integer)");
    assert.equal((await conn.query("INSERT INTO t VALUES (?), (?)", [true, false])).rowCount, 2);
    assert.deepEqual((await conn.query("SELECT x FROM t ORDER BY x")).rows, [{ x: 0 }, { x: 1 }]);
    await conn.close();
  });
});

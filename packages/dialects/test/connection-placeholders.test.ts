import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MYSQL_QUOTING, POSTGRES_QUOTING, replacePlaceholders, SQLITE_QUOTING } from "../src/connections/placeholders";
import { useDatabase } from "../src/testing";

const numbered = (sql: string, rules = POSTGRES_QUOTING) => replacePlaceholders(sql, rules, (i) => `$${i + 1}`).sql;

describe("replacePlaceholders", () => {
  const postgres: [string, string][] = [
    ["SELECT ?, ?", "SELECT $1, $2"],
    ["SELECT '?', \"?\", ?", "SELECT '?', \"?\", $1"],
    ["SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"],
    ["SELECT E'\\' ?', ?", "SELECT E'\\' ?', $1"],
    // Outside E'', a backslash is an ordinary character and the quote closes the string.
    ["SELECT '\\', ?", "SELECT '\\', $1"],
    ["SELECT $$ ? $$, $fn$ ? $fn$, ?", "SELECT $$ ? $$, $fn$ ? $fn$, $1"],
    ["SELECT a$b, ? FROM t", "SELECT a$b, $1 FROM t"],
    ["SELECT /* ? /* ? */ ? */ ?", "SELECT /* ? /* ? */ ? */ $1"],
    ["SELECT ? -- ?\n, ?", "SELECT $1 -- ?\n, $2"],
  ];
  for (const [sql, expected] of postgres)
    it(`postgres: ${JSON.stringify(sql)}`, () => assert.equal(numbered(sql), expected));

  const mysql: [string, string][] = [
    ["SELECT '\\' ?', ?", "SELECT '\\' ?', $1"],
    ['SELECT `a?b`, "?", ?', 'SELECT `a?b`, "?", $1'],
    ["SELECT ? # ?\n, ?", "SELECT $1 # ?\n, $2"],
  ];
  for (const [sql, expected] of mysql) {
    it(`mysql: ${JSON.stringify(sql)}`, () => assert.equal(numbered(sql, MYSQL_QUOTING), expected));
  }

  it("sqlite: E'' is not special", () => assert.equal(numbered("SELECT e'\\', ?", SQLITE_QUOTING), "SELECT e'\\', $1"));
});

describe("postgres: placeholders in dollar-quoted bodies reach the server untouched", () => {
  it("creates a function whose body contains ?", async (t) => {
    const db = await useDatabase(t, "postgres");
    if (!db) return;
    const conn = await db.connect();
    const { rows } = await conn.query("SELECT $body$ ? $body$ AS body, E'\\'?' AS e, ?::int AS p", [7]);
    assert.deepEqual(rows, [{ body: " ? ", e: "'?", p: 7 }]);
  });
});

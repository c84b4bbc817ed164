/* Dialect.quote() and Dialect.literal(): the spellings, and a round trip through each real server. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CommandError } from "@autogen/core";
import { getDialect, type DialectName } from "../src/index";
import { dialectsUnderTest, useDatabase } from "../src/testing";

/** Spelled alike by every dialect. */
const COMMON_LITERALS: [unknown, string][] = [
  ["it's", "'it''s'"],
  [null, "NULL"],
  [12n, "12"],
  [-1.5, "-1.5"],
  [{ a: [1] }, `'{"a":[1]}'`],
];

/** Where the dialects differ: backslashes, booleans and bytes. */
const LITERALS: Record<DialectName, [unknown, string][]> = {
  postgres: [
    ["a\\b", "'a\\b'"],
    [true, "true"],
    [Buffer.from([0xde, 0xad]), "'\\xdead'::bytea"],
  ],
  mysql: [
    ["a\\b", "'a\\\\b'"],
    [true, "1"],
    [Buffer.from([0xde, 0xad]), "X'dead'"],
  ],
  sqlite: [
    ["a\\b", "'a\\b'"],
    [true, "1"],
    [Buffer.from([0xde, 0xad]), "X'dead'"],
  ],
};

describe("Dialect.quote and Dialect.literal", () => {
  it("quote always quotes and doubles the quote character", () => {
    assert.deepEqual(["select", "Mixed", 'a"b', "a`b"].map(getDialect("postgres").quote), [
      '"select"',
      '"Mixed"',
      '"a""b"',
      '"a`b"',
    ]);
    assert.deepEqual(["select", "Mixed", 'a"b', "a`b"].map(getDialect("mysql").quote), [
      "`select`",
      "`Mixed`",
      '`a"b`',
      "`a``b`",
    ]);
    assert.deepEqual(["select", 'a"b'].map(getDialect("sqlite").quote), ['"select"', '"a""b"']);
  });

  for (const d of ["postgres", "mysql", "sqlite"] as const) {
    it(`${d}: literal spellings`, () => {
      for (const [value, sql] of [...COMMON_LITERALS, ...LITERALS[d]])
        assert.equal(getDialect(d).literal(value), sql, String(value));
      assert.throws(() => getDialect(d).literal(Number.NaN), CommandError);
    });
  }
});

describe("literals round-trip through the servers", () => {
  for (const d of dialectsUnderTest()) {
    it(`${d}: strings with quotes, backslashes and unicode come back unchanged`, async (t) => {
      const db = await useDatabase(t, d);
      if (!db) return;
      const conn = await db.connect();
      const samples = ["it's", "a\\b", "back\\\\two", "tab\there", "naïve ☃", "'", ""];
      for (const s of samples) {
        const { rows } = await conn.query<{ v: string }>(`SELECT ${getDialect(d).literal(s)} AS v`);
        assert.equal(rows[0].v, s);
      }
      const { rows } = await conn.query<{ v: unknown }>(
        `SELECT ${getDialect(d).literal(Buffer.from([0, 1, 255]))} AS v`,
      );
      assert.deepEqual(Buffer.from(rows[0].v as Uint8Array), Buffer.from([0, 1, 255]));
    });
  }
});

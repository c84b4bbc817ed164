import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Column, Schema, Table } from "@autogen/core";
import { charsetTableKey, resolveModelCharsets, type ReflectedCharsets } from "../src/mysql/mysql-charsets";

const DEFAULTS = new Map([
  ["utf8mb4", "utf8mb4_general_ci"],
  ["latin1", "latin1_swedish_ci"],
  ["utf8mb3", "utf8mb3_general_ci"],
]);

/** The database: schema default utf8mb4_general_ci; table `legacy` exists as latin1_swedish_ci, `unicode` as utf8mb4_unicode_ci. */
const REFLECTED: ReflectedCharsets = {
  schemas: new Map([[null, { charset: "utf8mb4", collation: "utf8mb4_general_ci" }]]),
  tables: new Map([
    [charsetTableKey(null, "legacy"), { charset: "latin1", collation: "latin1_swedish_ci" }],
    [charsetTableKey(null, "unicode"), { charset: "utf8mb4", collation: "utf8mb4_unicode_ci" }],
  ]),
};

const column = (charset: string | null, collation: string | null) =>
  Column.create("c", "varchar(10)", { charset, collation });
/** The charset and collation the model column resolves to in `table`. */
function resolve(table: string, charset: string | null, collation: string | null): [string | null, string | null] {
  const out = resolveModelCharsets(
    Schema.create({ tables: [Table.create(table, [column(charset, collation)])] }),
    REFLECTED,
    DEFAULTS,
  );
  const c = out.tables[0]!.columns[0]!;
  return [c.charset, c.collation];
}

describe("resolveModelCharsets (MySQL model columns as reflection reports them)", () => {
  it("drops a charset or collation equal to a new table's (the schema default)", () => {
    assert.deepEqual(resolve("fresh", "utf8mb4", null), [null, null]);
    assert.deepEqual(resolve("fresh", null, "utf8mb4_general_ci"), [null, null]);
  });
  it("resolves against an existing table's own charset, not the schema's", () => {
    assert.deepEqual(resolve("legacy", "latin1", null), [null, null]);
    assert.deepEqual(resolve("legacy", "utf8mb4", null), ["utf8mb4", null]);
    // As reflection reports it: the charset differs from the table's, and the collation is its default.
    assert.deepEqual(resolve("legacy", null, "utf8mb4_general_ci"), ["utf8mb4", null]);
  });
  it("gives a charset named alone its own default collation, not the table's", () => {
    // The table is utf8mb4_unicode_ci; CHARACTER SET utf8mb4 alone makes the column utf8mb4_general_ci.
    assert.deepEqual(resolve("unicode", "utf8mb4", null), [null, "utf8mb4_general_ci"]);
    assert.deepEqual(resolve("unicode", null, "utf8mb4_unicode_ci"), [null, null]);
  });
  it("keeps what differs, and leaves a model without charsets as it is", () => {
    assert.deepEqual(resolve("fresh", null, "utf8mb4_unicode_ci"), [null, "utf8mb4_unicode_ci"]);
    assert.deepEqual(resolve("fresh", "latin1", null), ["latin1", null]);
    const plain = Schema.create({ tables: [Table.create("fresh", [column(null, null)])] });
    assert.equal(resolveModelCharsets(plain, REFLECTED, DEFAULTS), plain);
  });
});

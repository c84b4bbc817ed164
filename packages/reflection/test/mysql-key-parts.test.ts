import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Column, Index, IndexElement, Schema, Table } from "@autogen/core";
import { resolveImplicitKeyParts } from "../src/mysql/mysql-key-parts";

const columns = [
  Column.create("body", "text"),
  Column.create("title", "varchar(255)"),
  Column.create("long", "varchar(1000)"),
  Column.create("n", "int"),
];
const schema = (...indexes: Index[]) => Schema.create({ tables: [Table.create("doc", columns, { indexes })] });
const index = (name: string, parts: [string, number | null][], o: { unique?: boolean; using?: string | null } = {}) =>
  Index.create(
    name,
    parts.map(([c, length]) => IndexElement.column(c, { length })),
    o,
  );
/** The model index `model` resolved against the database's `held`. */
const resolve = (model: Index, held: Index) =>
  resolveImplicitKeyParts(schema(model), schema(held)).tables[0]!.indexes[0]!;

describe("resolveImplicitKeyParts (MySQL prefixes the server picks)", () => {
  it("takes the prefix the server gave a TEXT or over-long VARCHAR key part the model leaves open", () => {
    assert.deepEqual(resolve(index("i", [["body", null]]), index("i", [["body", 768]])), index("i", [["body", 768]]));
    assert.deepEqual(
      resolve(
        index("i", [
          ["n", null],
          ["long", null],
        ]),
        index("i", [
          ["n", null],
          ["long", 768],
        ]),
      ),
      index("i", [
        ["n", null],
        ["long", 768],
      ]),
    );
  });
  it("takes MariaDB's long-unique HASH for a UNIQUE key over TEXT", () => {
    assert.deepEqual(
      resolve(
        index("u", [["body", null]], { unique: true }),
        index("u", [["body", null]], { unique: true, using: "hash" }),
      ).using,
      "hash",
    );
  });
  it("leaves alone what the server would not have chosen: a prefix the model gives, a short VARCHAR, another index or other columns", () => {
    const given = index("i", [["body", 100]]);
    assert.equal(resolve(given, index("i", [["body", 768]])), given);
    const short = index("i", [["title", null]]);
    assert.equal(resolve(short, index("i", [["title", 10]])), short);
    const open = index("i", [["body", null]]);
    assert.equal(resolve(open, index("other", [["body", 768]])), open);
    assert.equal(resolve(open, index("i", [["long", 768]])), open);
    const plain = schema(open);
    assert.equal(resolveImplicitKeyParts(plain, Schema.create()), plain);
  });
});

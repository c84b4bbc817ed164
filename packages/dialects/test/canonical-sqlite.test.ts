import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Column } from "@autogen/core";
import { sqliteAffinity, sqliteCanonical as lite } from "../src/index";
import { sameDefault, sameType } from "./canonical-expect";

describe("sqliteCanonical.type", () => {
  it("keeps the declared type, lowercase and spaced one way", () => {
    sameType(lite, ["varchar(255)", "VARCHAR(255)", "varchar( 255 )"], "varchar(255)");
    sameType(lite, ["INTEGER", "integer"], "integer");
    sameType(lite, ["DATETIME", "datetime"], "datetime");
    sameType(lite, ["BOOLEAN", "boolean"], "boolean");
    sameType(lite, ["decimal(10, 2)", "DECIMAL(10,2)"], "decimal(10,2)");
    sameType(lite, ["double precision", "DOUBLE  PRECISION"], "double precision");
  });
  it("affinity follows SQLite's rules, in order", () => {
    assert.deepEqual(
      [
        "integer",
        "bigint",
        "varchar(5)",
        "clob",
        "text",
        "blob",
        "",
        "real",
        "double",
        "float",
        "decimal(10,2)",
        "boolean",
        "datetime",
        "charint",
      ].map(sqliteAffinity),
      [
        "integer",
        "integer",
        "text",
        "text",
        "text",
        "blob",
        "blob",
        "real",
        "real",
        "real",
        "numeric",
        "numeric",
        "numeric",
        "integer",
      ],
    );
  });
});

describe("sqliteCanonical.default", () => {
  it("outer parentheses go; quoted content keeps its case", () => {
    sameDefault(lite, "varchar(5)", ["('abc')", "'abc'", "(('abc'))"], "'abc'");
    sameDefault(lite, "varchar(5)", ["'ABC'"], "'ABC'");
  });
  it("a json column's JSON default: spacing and key order are not a difference; other text stays", () => {
    sameDefault(
      lite,
      "json",
      [`'{"b":1,"a":[1,2]}'`, `'{ "a": [1, 2], "b": 1 }'`, `('{"a":[1,2],"b":1}')`],
      `'{"a":[1,2],"b":1}'`,
    );
    sameDefault(lite, "json", [`'{"it''s":"x"}'`], `'{"it''s":"x"}'`);
    sameDefault(lite, "json", ["'not json'"], "'not json'");
    sameDefault(lite, "text", [`'{ "b": 1 }'`], `'{ "b": 1 }'`);
  });
  it("functions: case and spacing", () =>
    sameDefault(lite, "datetime", ["(datetime('now'))", "datetime('now')", "DATETIME( 'now' )"], "datetime('now')"));
  it("CURRENT_TIMESTAMP and friends in one case", () => {
    sameDefault(
      lite,
      "datetime",
      ["CURRENT_TIMESTAMP", "current_timestamp", "(CURRENT_TIMESTAMP)"],
      "CURRENT_TIMESTAMP",
    );
    sameDefault(lite, "date", ["current_date"], "CURRENT_DATE");
  });
  it("numbers and booleans: TypeORM writes 1/0 and bare numbers; quoted numbers on numeric affinity are numbers", () => {
    sameDefault(lite, "integer", ["1", "'1'", "(1)", "true", "TRUE"], "1");
    sameDefault(lite, "boolean", ["0", "false", "'0'"], "0");
    sameDefault(lite, "integer", ["(-1)", "-1", "'-1'"], "-1");
    sameDefault(lite, "real", ["'1.5'", "1.5", "+1.5"], "1.5");
  });
  it("text columns keep number-looking strings as strings", () => sameDefault(lite, "varchar(5)", ["'1'"], "'1'"));
  it("no default", () => sameDefault(lite, "text", [null, undefined, "NULL", "(NULL)"], null));
});

describe("sqliteCanonical.column", () => {
  it("drops what SQLite cannot store (comments, charsets, ON UPDATE) and upper-cases collations", () =>
    assert.deepEqual(
      lite.column(
        Column.create("s", "VARCHAR(5)", {
          comment: "x",
          charset: "utf8",
          onUpdate: "CURRENT_TIMESTAMP",
          collation: "nocase",
          default: "('a')",
        }),
      ),
      Column.create("s", "varchar(5)", { collation: "NOCASE", default: "'a'" }),
    ));
});

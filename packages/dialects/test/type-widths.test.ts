import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getDialect, parseType, type DialectName } from "../src/index";

const narrows = (d: DialectName, from: string, to: string) => getDialect(d).canonical.narrows(from, to);
const convertsText = (d: DialectName, from: string, to: string) => getDialect(d).canonical.convertsText(from, to);
const temporalLoss = (d: DialectName, from: string, to: string) => getDialect(d).canonical.temporalLoss(from, to);

describe("canonical.narrows: each dialect's type widths", () => {
  it("parses a type's base and numeric arguments", () => {
    assert.deepEqual(parseType("character varying(50)"), { base: "character varying", args: [50] });
    assert.deepEqual(parseType("numeric(10, 2)"), { base: "numeric", args: [10, 2] });
    assert.deepEqual(parseType("text"), { base: "text", args: [] });
  });

  it("MySQL: TEXT is one of four sizes, so a smaller one narrows and a bounded string is smaller than any", () => {
    assert.equal(narrows("mysql", "text", "tinytext"), true);
    assert.equal(narrows("mysql", "longtext", "mediumtext"), true);
    assert.equal(narrows("mysql", "tinytext", "text"), false);
    assert.equal(narrows("mysql", "mediumtext", "varchar(255)"), true);
    assert.equal(narrows("mysql", "int", "tinyint"), true);
    assert.equal(narrows("mysql", "decimal(10,2)", "decimal(10,4)"), true);
    assert.equal(narrows("mysql", "double", "float"), true);
  });

  it("PostgreSQL: text and an unlimited varchar are unbounded; char without length is char(1)", () => {
    assert.equal(narrows("postgres", "text", "varchar(255)"), true);
    assert.equal(narrows("postgres", "varchar(255)", "text"), false);
    assert.equal(narrows("postgres", "varchar", "varchar(10)"), true);
    assert.equal(narrows("postgres", "char", "char(2)"), false);
    // And the other way: char(2) made char is char(1).
    assert.equal(narrows("postgres", "char(2)", "char"), true);
    assert.equal(narrows("mysql", "binary(2)", "binary"), true);
    assert.equal(narrows("postgres", "bigint", "integer"), true);
    assert.equal(narrows("postgres", "numeric(10,2)", "integer"), true);
    assert.equal(narrows("postgres", "double precision", "real"), true);
    assert.equal(narrows("postgres", "integer", "bigint"), false);
  });

  it("SQLite keeps any dialect's spelling, and the spelling's own rule applies (plus clob)", () => {
    assert.equal(narrows("sqlite", "clob", "varchar(10)"), true);
    assert.equal(narrows("sqlite", "mediumtext", "text"), true);
    assert.equal(narrows("sqlite", "int8", "int"), true);
    assert.equal(narrows("sqlite", "varchar(10)", "varchar(20)"), false);
  });

  it("convertsText: a string type to another kind of type parses every value; arrays are neither", () => {
    for (const d of ["postgres", "mysql", "sqlite"] as const) {
      assert.equal(convertsText(d, "varchar(20)", "integer"), true, d);
      assert.equal(convertsText(d, "text", "varchar(20)"), false, d);
      assert.equal(convertsText(d, "integer", "text"), false, d);
    }
    assert.equal(convertsText("postgres", "text[]", "integer[]"), false);
    assert.equal(convertsText("postgres", "text", "integer[]"), false);
    assert.equal(convertsText("mysql", "longtext", "json"), true);
  });

  it("temporalLoss: a date or time type that keeps less of a moment cuts it, where the server enforces types", () => {
    assert.equal(temporalLoss("mysql", "datetime", "date"), "the time of day of every value is cut");
    assert.equal(temporalLoss("mysql", "timestamp", "time"), "the date of every value is cut");
    assert.equal(temporalLoss("mysql", "datetime(6)", "datetime(3)"), "fractional seconds beyond 3 digits are lost");
    assert.equal(temporalLoss("mysql", "time(3)", "time"), "the fractional seconds of every value are lost");
    assert.equal(temporalLoss("mysql", "date", "datetime"), null);
    assert.equal(temporalLoss("mysql", "datetime", "timestamp(6)"), null);
    assert.equal(temporalLoss("postgres", "timestamptz", "date"), "the time of day of every value is cut");
    // PostgreSQL keeps microseconds unless told otherwise.
    assert.equal(
      temporalLoss("postgres", "timestamp", "timestamp(0)"),
      "the fractional seconds of every value are lost",
    );
    assert.equal(temporalLoss("postgres", "timestamp(3)", "timestamptz"), null);
    assert.equal(temporalLoss("postgres", "timestamptz", "timestamp"), null);
    assert.equal(temporalLoss("postgres", "varchar(20)", "date"), null);
    // SQLite keeps a date and time as stored, whatever the declared type.
    assert.equal(temporalLoss("sqlite", "datetime", "date"), null);
  });
});

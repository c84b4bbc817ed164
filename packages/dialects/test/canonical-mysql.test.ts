import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Column } from "@autogen/core";
import { mysqlCanonical as my } from "../src/index";
import { sameDefault, sameType } from "./canonical-expect";

describe("mysqlCanonical.type", () => {
  it("integers: display widths (MariaDB, MySQL < 8.0.19) dropped, integer is int (TypeORM #2943)", () => {
    sameType(my, ["int(11)", "INT", "integer", "int", "INT(10)"], "int");
    sameType(my, ["int(10) unsigned", "int unsigned", "INT UNSIGNED", "integer(11) unsigned"], "int unsigned");
    sameType(my, ["bigint(20)", "bigint", "BIGINT(20)"], "bigint");
    sameType(my, ["tinyint(4)", "tinyint"], "tinyint");
    sameType(my, ["smallint(6) unsigned zerofill", "smallint unsigned zerofill"], "smallint unsigned zerofill");
    sameType(my, ["int signed", "int(11) signed"], "int");
  });
  it("booleans: BOOL and BOOLEAN are tinyint(1), which keeps its width", () => sameType(my, ["bool", "BOOLEAN", "tinyint(1)", "TINYINT(1)"], "tinyint(1)"));
  it("strings: implicit lengths made explicit, national synonyms", () => {
    sameType(my, ["varchar(255)", "VARCHAR(255)", "varchar", "nvarchar(255)", "national varchar(255)"], "varchar(255)");
    sameType(my, ["char(1)", "char", "nchar(1)"], "char(1)");
    sameType(my, ["char(36)", "CHAR( 36 )"], "char(36)");
  });
  it("decimal: synonyms and the implicit (10,0)", () => {
    sameType(my, ["decimal(10,2)", "numeric(10, 2)", "DECIMAL(10,2)", "dec(10,2)", "fixed(10,2)"], "decimal(10,2)");
    sameType(my, ["decimal", "decimal(10)", "decimal(10,0)", "numeric"], "decimal(10,0)");
  });
  it("floats: FLOAT(p) is float up to p = 24, double above", () => {
    sameType(my, ["double", "double precision", "real", "DOUBLE", "float(53)"], "double");
    sameType(my, ["float", "float(12)", "FLOAT(24)"], "float");
    sameType(my, ["float(10,2)"], "float(10,2)");
  });
  it("datetimes: fractional precision 0 is the default", () => {
    sameType(my, ["datetime(6)", "DATETIME(6)"], "datetime(6)");
    sameType(my, ["datetime", "datetime(0)", "DATETIME"], "datetime");
    sameType(my, ["timestamp(3)"], "timestamp(3)");
  });
  it("enum values keep their case, lists lose spaces", () => {
    sameType(my, ["enum('a','b')", "ENUM('a', 'b')", "enum( 'a' , 'b' )"], "enum('a','b')");
    sameType(my, ["enum('Open','it''s')", "ENUM('Open', 'it''s')"], "enum('Open','it''s')");
  });
  it("MariaDB's uuid type and the rest as written, lowercase", () => {
    sameType(my, ["uuid", "UUID"], "uuid");
    sameType(my, ["longtext", "LONGTEXT"], "longtext");
  });
});

describe("mysqlCanonical.default", () => {
  it("strings: MariaDB reports them quoted, MySQL 8 bare, TypeORM quoted", () => {
    sameDefault(my, "varchar(20)", ["'abc'", "abc"], "'abc'");
    sameDefault(my, "varchar(20)", ["'x''y'", "x'y"], "'x''y'");
    sameDefault(my, "varchar(20)", ["'A B'"], "'A B'");
    sameDefault(my, "enum('a','b')", ["'a'", "a"], "'a'");
  });
  it("no default: null and NULL (MariaDB reports `NULL` for nullable columns)", () => sameDefault(my, "int(11)", [null, undefined, "NULL", "null"], null));
  it("current time: MariaDB `current_timestamp()`, MySQL `CURRENT_TIMESTAMP`, TypeORM `CURRENT_TIMESTAMP(6)` (TypeORM #4782, #3561)", () => {
    sameDefault(my, "datetime", ["current_timestamp()", "CURRENT_TIMESTAMP", "now()", "CURRENT_TIMESTAMP()"], "CURRENT_TIMESTAMP");
    sameDefault(my, "datetime(6)", ["current_timestamp(6)", "CURRENT_TIMESTAMP(6)", "NOW(6)"], "CURRENT_TIMESTAMP(6)");
    sameDefault(my, "date", ["curdate()", "CURRENT_DATE"], "CURRENT_DATE");
  });
  it("numbers: unquoted on numeric columns; decimals with their scale (TypeORM toFixed)", () => {
    sameDefault(my, "int(11)", ["-1", "'-1'", "(-1)"], "-1");
    sameDefault(my, "decimal(10,2)", ["1.00", "'1.00'", "1", "'1'"], "1.00");
    sameDefault(my, "decimal(10,0)", ["5", "'5'"], "5");
    sameDefault(my, "double", ["1.5", "'1.5'"], "1.5");
  });
  it("booleans: 1/0 whatever the spelling", () => {
    sameDefault(my, "bool", ["1", "'1'", "true", "TRUE"], "1");
    sameDefault(my, "tinyint(1)", ["0", "'0'", "false"], "0");
  });
  it("expression defaults: MySQL 8 `(uuid())` and MariaDB `uuid()`", () => sameDefault(my, "varchar(36)", ["uuid()", "(uuid())", "UUID()"], "uuid()"));
  it("a string column keeps a number-looking default quoted", () => sameDefault(my, "varchar(5)", ["'1'"], "'1'"));
});

describe("mysqlCanonical.column", () => {
  it("ON UPDATE spelled one way, charset and collation lowercase", () => {
    const mariadb = Column.create("at", "datetime(6)", { default: "current_timestamp(6)", onUpdate: "current_timestamp(6)", collation: null });
    const typeorm = Column.create("at", "DATETIME(6)", { default: "CURRENT_TIMESTAMP(6)", onUpdate: "CURRENT_TIMESTAMP(6)" });
    assert.deepEqual(my.column(mariadb), my.column(typeorm));
    assert.equal(my.column(typeorm).onUpdate, "CURRENT_TIMESTAMP(6)");
    assert.deepEqual(my.column(Column.create("s", "varchar(5)", { charset: "UTF8MB4", collation: "UTF8MB4_BIN" })), Column.create("s", "varchar(5)", { charset: "utf8mb4", collation: "utf8mb4_bin" }));
  });
  it("an empty comment (information_schema's report of none) is no comment", () =>
    assert.equal(my.column(Column.create("c", "int", { comment: "" })).comment, null));
  it("generated columns have no default", () =>
    assert.equal(my.column(Column.create("g", "int", { default: "NULL", generated: { expression: "(`a` + 1)", stored: false } })).default, null));
});

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
  it("booleans: BOOL, BOOLEAN and tinyint(1) are tinyint (the width is for display only)", () =>
    sameType(my, ["bool", "BOOLEAN", "tinyint(1)", "TINYINT(1)", "tinyint(4)", "tinyint"], "tinyint"));
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
  it("float and double defaults: one spelling per value (exponents, signs, trailing zeros)", () => {
    sameDefault(my, "float", ["1e21", "1e+21", "'1e21'", "1000000000000000000000"], "1e+21");
    sameDefault(my, "double", ["1e-5", "0.00001", "'0.000010'"], "0.00001");
    sameDefault(my, "float", ["3.5", "3.50", "+3.5", "'3.5'"], "3.5");
    // Fixed-point keeps its digits: decimal(10,2) is not a float.
    sameDefault(my, "decimal(10,2)", ["1e1"], "1e1");
  });
  it("strings: MariaDB reports them quoted, MySQL 8 bare, TypeORM quoted", () => {
    sameDefault(my, "varchar(20)", ["'abc'", "abc"], "'abc'");
    sameDefault(my, "varchar(20)", ["'x''y'", "x'y"], "'x''y'");
    sameDefault(my, "varchar(20)", ["'A B'"], "'A B'");
    sameDefault(my, "enum('a','b')", ["'a'", "a"], "'a'");
  });
  it("no default: null and NULL (MariaDB reports `NULL` for nullable columns)", () =>
    sameDefault(my, "int(11)", [null, undefined, "NULL", "null"], null));
  it("current time: MariaDB `current_timestamp()`, MySQL `CURRENT_TIMESTAMP`, TypeORM `CURRENT_TIMESTAMP(6)` (TypeORM #4782, #3561)", () => {
    sameDefault(
      my,
      "datetime",
      ["current_timestamp()", "CURRENT_TIMESTAMP", "now()", "CURRENT_TIMESTAMP()"],
      "CURRENT_TIMESTAMP",
    );
    sameDefault(my, "datetime(6)", ["current_timestamp(6)", "CURRENT_TIMESTAMP(6)", "NOW(6)"], "CURRENT_TIMESTAMP(6)");
    sameDefault(my, "date", ["curdate()", "CURRENT_DATE"], "CURRENT_DATE");
  });
  it("numbers: unquoted on numeric columns; decimals with their scale (TypeORM toFixed)", () => {
    sameDefault(my, "int(11)", ["-1", "'-1'", "(-1)"], "-1");
    sameDefault(my, "decimal(10,2)", ["1.00", "'1.00'", "1", "'1'"], "1.00");
    sameDefault(my, "decimal(10,0)", ["5", "'5'"], "5");
    sameDefault(my, "double", ["1.5", "'1.5'"], "1.5");
  });
  it("decimals beyond the scale are rounded half away from zero, and a zero has no sign, as MariaDB stores them", () => {
    sameDefault(my, "decimal(5,1)", ["1.25", "'1.25'", "1.3"], "1.3");
    sameDefault(my, "decimal(5,0)", ["-0.5", "-1"], "-1");
    sameDefault(my, "decimal(5,0)", ["-0.4", "0"], "0");
    sameDefault(my, "decimal(5,2)", ["'9.995'", "10.00"], "10.00");
  });
  it("numbers: the zeros MariaDB pads a ZEROFILL column's default with are not part of the value", () => {
    sameDefault(my, "bigint unsigned zerofill", ["00000000000000000042", "42", "'42'"], "42");
    sameDefault(my, "decimal(10,3) unsigned zerofill", ["0000001.500", "1.5"], "1.500");
    sameDefault(my, "int", ["0", "'0'"], "0");
    sameDefault(my, "double", ["0.5"], "0.5");
    sameDefault(my, "year", ["2024", "'2024'"], "2024");
  });
  it("booleans: 1/0 whatever the spelling", () => {
    sameDefault(my, "bool", ["1", "'1'", "true", "TRUE"], "1");
    sameDefault(my, "tinyint(1)", ["0", "'0'", "false"], "0");
    // TypeORM writes `default: "false"` as a string, which the server would reject on a tinyint.
    sameDefault(my, "tinyint", ["'false'", "'FALSE'", "0"], "0");
    sameDefault(my, "tinyint(1)", ["'true'", "1"], "1");
    sameDefault(my, "varchar(5)", ["'true'"], "'true'");
  });
  it("string escapes: MariaDB reports a TEXT default's quote as \\', a VARCHAR's doubled; \\% and \\_ keep their backslash", () => {
    sameDefault(my, "mediumtext", ["'it\\'s'", "'it''s'"], "'it''s'");
    sameDefault(my, "text", ["'a\\'b\\\\c'", "'a''b\\\\c'"], "'a''b\\\\c'");
    sameDefault(my, "text", ["'line\\nbreak'", "'line\nbreak'"], "'line\nbreak'");
    sameDefault(my, "varchar(9)", ["'100\\%'"], "'100\\\\%'");
  });
  it("date and time literals at the column's precision (MariaDB pads the fraction, a date alone is at midnight)", () => {
    sameDefault(my, "time(6)", ["'12:00:00'", "'12:00:00.000000'", "'12:00:00.0'"], "'12:00:00.000000'");
    sameDefault(my, "datetime(3)", ["'2020-01-01 10:00:00'", "'2020-01-01 10:00:00.000'"], "'2020-01-01 10:00:00.000'");
    sameDefault(my, "datetime(3)", ["'2020-01-01 10:00:00.5'"], "'2020-01-01 10:00:00.500'");
    sameDefault(
      my,
      "datetime",
      ["'2020-01-01'", "'2020-01-01 00:00:00'", "'2020-01-01 00:00:00.000'"],
      "'2020-01-01 00:00:00'",
    );
    sameDefault(my, "date", ["'2020-01-01'"], "'2020-01-01'");
  });
  it("expression defaults: MySQL 8 `(uuid())` and MariaDB `uuid()`", () =>
    sameDefault(my, "varchar(36)", ["uuid()", "(uuid())", "UUID()"], "uuid()"));
  it("a string column keeps a number-looking default quoted", () => sameDefault(my, "varchar(5)", ["'1'"], "'1'"));
  it("the current time at the column's precision, as MariaDB stores it and MySQL 8 requires it", () => {
    sameDefault(
      my,
      "timestamp(3)",
      ["CURRENT_TIMESTAMP(6)", "current_timestamp(3)", "CURRENT_TIMESTAMP", "now()"],
      "CURRENT_TIMESTAMP(3)",
    );
    sameDefault(my, "datetime(2)", ["current_timestamp(2)", "CURRENT_TIMESTAMP"], "CURRENT_TIMESTAMP(2)");
    sameDefault(my, "datetime", ["NOW(6)", "current_timestamp()"], "CURRENT_TIMESTAMP");
    const typeorm = my.column(
      Column.create("u", "timestamp(3)", { default: "CURRENT_TIMESTAMP(6)", onUpdate: "CURRENT_TIMESTAMP(6)" }),
    );
    assert.deepEqual([typeorm.default, typeorm.onUpdate], ["CURRENT_TIMESTAMP(3)", "CURRENT_TIMESTAMP(3)"]);
  });
});

describe("mysqlCanonical.expression", () => {
  it("MariaDB's stored spellings read as the ones written (generated columns, checks)", () => {
    const same = (written: string, stored: string) =>
      assert.equal(my.expression(stored), my.expression(written), `${written} / ${stored}`);
    same("UPPER(`last`)", "ucase(`last`)");
    same("LOWER(last)", "lcase(`last`)");
    same("SUBSTRING(s, 1, 2)", "substr(`s`,1,2)");
    same("LENGTH(s)", "octet_length(`s`)");
    same("a != 'b'", "`a` <> 'b'");
    same("NOT (s <=> 'a')", "!(`s` <=> 'a')");
    assert.equal(my.expression("UPPER(`last`)"), "upper(last)");
    // Inside strings nothing changes.
    assert.equal(my.expression("concat('ucase(', `a`, '!=')"), "concat('ucase(', a, '!=')");
  });
});

describe("mysqlCanonical.column", () => {
  it("ON UPDATE spelled one way, charset and collation lowercase", () => {
    const mariadb = Column.create("at", "datetime(6)", {
      default: "current_timestamp(6)",
      onUpdate: "current_timestamp(6)",
      collation: null,
    });
    const typeorm = Column.create("at", "DATETIME(6)", {
      default: "CURRENT_TIMESTAMP(6)",
      onUpdate: "CURRENT_TIMESTAMP(6)",
    });
    assert.deepEqual(my.column(mariadb), my.column(typeorm));
    assert.equal(my.column(typeorm).onUpdate, "CURRENT_TIMESTAMP(6)");
    assert.deepEqual(
      my.column(Column.create("s", "varchar(5)", { charset: "LATIN1" })),
      Column.create("s", "varchar(5)", { charset: "latin1" }),
    );
    assert.deepEqual(
      my.column(Column.create("s", "varchar(5)", { collation: "UTF8MB4_BIN" })),
      Column.create("s", "varchar(5)", { collation: "utf8mb4_bin" }),
    );
  });
  it("a charset named beside its own collation is implied by it (MariaDB reports only the collation when the charset is the table's)", () => {
    const typeorm = Column.create("s", "varchar(5)", { charset: "utf8mb4", collation: "utf8mb4_bin" });
    const mariadb = Column.create("s", "varchar(5)", { collation: "utf8mb4_bin" });
    assert.deepEqual(my.column(typeorm), my.column(mariadb));
    assert.equal(my.column(typeorm).charset, null);
    // A charset with another charset's collation is kept, so that the server rejects it loudly.
    assert.equal(
      my.column(Column.create("s", "varchar(5)", { charset: "latin1", collation: "utf8mb4_bin" })).charset,
      "latin1",
    );
  });
  it("utf8 is utf8mb3, as MariaDB 10.6+ and MySQL 8.0.30+ report it", () => {
    const c = my.column(Column.create("s", "varchar(5)", { charset: "utf8", collation: "utf8_unicode_ci" }));
    assert.deepEqual([c.charset, c.collation], [null, "utf8mb3_unicode_ci"]);
    assert.equal(my.column(Column.create("s", "varchar(5)", { charset: "UTF8" })).charset, "utf8mb3");
    assert.equal(my.column(Column.create("s", "varchar(5)", { charset: "utf8mb4" })).charset, "utf8mb4");
  });
  it("an empty comment (information_schema's report of none) is no comment", () =>
    assert.equal(my.column(Column.create("c", "int", { comment: "" })).comment, null));
  it("the zero date MariaDB gives a NOT NULL column with ON UPDATE and no default is no default", () => {
    const mariadb = Column.create("at", "datetime(3)", {
      nullable: false,
      default: "'0000-00-00 00:00:00.000'",
      onUpdate: "current_timestamp(3)",
    });
    const typeorm = Column.create("at", "datetime(3)", { nullable: false, onUpdate: "CURRENT_TIMESTAMP(3)" });
    assert.deepEqual(my.column(mariadb), my.column(typeorm));
    assert.equal(my.column(mariadb).default, null);
    // Without ON UPDATE, or on a nullable column, a zero date is a default like any other.
    assert.equal(
      my.column(Column.create("d", "datetime", { nullable: false, default: "'0000-00-00 00:00:00'" })).default,
      "'0000-00-00 00:00:00'",
    );
  });
  it("generated columns have no default", () =>
    assert.equal(
      my.column(Column.create("g", "int", { default: "NULL", generated: { expression: "(`a` + 1)", stored: false } }))
        .default,
      null,
    ));
});

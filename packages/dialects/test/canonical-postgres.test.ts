import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Column } from "@autogen/core";
import { postgresCanonical as pg } from "../src/index";
import { sameDefault, sameType } from "./canonical-expect";

describe("postgresCanonical.type", () => {
  it("varchar: catalog `character varying(n)` and TypeORM/user `varchar(n)`", () =>
    sameType(pg, ["character varying(50)", "varchar(50)", "VARCHAR( 50 )", "Character Varying(50)"], "varchar(50)"));
  it("unbounded varchar", () => sameType(pg, ["character varying", "varchar"], "varchar"));
  it("integers: int4/int/integer, int2/smallint, int8/bigint", () => {
    sameType(pg, ["int4", "integer", "int", "INT", "INTEGER"], "integer");
    sameType(pg, ["int2", "smallint"], "smallint");
    sameType(pg, ["int8", "bigint", "BIGINT"], "bigint");
  });
  it("timestamps: `without time zone` is the default, precision 6 is the default", () => {
    sameType(
      pg,
      ["timestamp without time zone", "timestamp", "timestamp(6) without time zone", "TIMESTAMP(6)"],
      "timestamp",
    );
    sameType(pg, ["timestamp(3) without time zone", "timestamp(3)"], "timestamp(3)");
    sameType(
      pg,
      ["timestamp with time zone", "timestamptz", "timestamptz(6)", "timestamp(6) with time zone"],
      "timestamptz",
    );
    sameType(pg, ["timestamp(0) with time zone", "timestamptz(0)"], "timestamptz(0)");
    sameType(pg, ["time without time zone", "time"], "time");
    sameType(pg, ["time with time zone", "timetz"], "timetz");
  });
  it("numeric: decimal is numeric, spacing normalised, numeric(p) is numeric(p,0)", () => {
    sameType(pg, ["numeric(10,2)", "numeric(10, 2)", "decimal(10,2)", "NUMERIC( 10 , 2 )"], "numeric(10,2)");
    sameType(pg, ["numeric(10)", "numeric(10,0)", "decimal(10)"], "numeric(10,0)");
    sameType(pg, ["numeric", "decimal"], "numeric");
  });
  it("floats, booleans, char", () => {
    sameType(pg, ["double precision", "float8", "float", "float(53)"], "double precision");
    sameType(pg, ["real", "float4", "float(10)"], "real");
    sameType(pg, ["bool", "boolean"], "boolean");
    sameType(pg, ["character(1)", "char", "character", "char(1)"], "char(1)");
    sameType(pg, ["character(10)", "char(10)"], "char(10)");
  });
  it("arrays: `integer[]`, udt `_int4`, sized dimensions", () => {
    sameType(pg, ["integer[]", "_int4", "int4[]", "int[3]"], "integer[]");
    sameType(pg, ["character varying(20)[]", "varchar(20)[]"], "varchar(20)[]");
  });
  it("keeps quoted (mixed-case) type names and other types as written, lowercase", () => {
    sameType(pg, ['"MoodEnum"'], '"MoodEnum"');
    sameType(pg, ['public."MoodEnum"', 'PUBLIC."MoodEnum"'], 'public."MoodEnum"');
    sameType(pg, ["uuid", "UUID"], "uuid");
    sameType(pg, ["jsonb", "JSONB"], "jsonb");
  });
});

describe("postgresCanonical.default", () => {
  it("string literals lose the catalog's cast; their content keeps its case", () => {
    sameDefault(
      pg,
      "character varying(20)",
      ["'abc'::character varying", "'abc'", "('abc'::character varying)"],
      "'abc'",
    );
    sameDefault(pg, "text", ["'ABC'::text", "'ABC'"], "'ABC'");
    sameDefault(pg, "text", ["'it''s'::text", "'it''s'"], "'it''s'");
    sameDefault(pg, '"Mood"', [`'sad'::"Mood"`, "'sad'"], "'sad'");
  });
  it("numbers: `'-1'::integer`, `(-1)`, TypeORM's quoted `'-1'` (TypeORM #5132)", () => {
    sameDefault(pg, "integer", ["'-1'::integer", "(-1)", "-1", "'-1'"], "-1");
    sameDefault(pg, "integer", ["0", "'0'", "'0'::integer"], "0");
    sameDefault(pg, "numeric(5,2)", ["'-2.5'::numeric", "-2.5", "'-2.5'", "'-2.50'::numeric", "(-2.50)"], "-2.50");
    sameDefault(pg, "numeric(10,2)", ["1.50", "'1.5'", "1.5", "'1.50'::numeric"], "1.50");
    sameDefault(pg, "numeric", ["'1.5'::numeric", "1.5"], "1.5");
    sameDefault(pg, "bigint", ["'42'::bigint", "42"], "42");
  });
  it("numbers beyond a numeric's scale: rounded half away from zero as stored, and `-0` is `0` (DEFAULT -0 is stored as 0)", () => {
    sameDefault(pg, "numeric(5,0)", ["'-0.5'::numeric", "-0.5", "'-1'", "-1"], "-1");
    sameDefault(pg, "numeric(5,0)", ["-0.4", "'-0'", "0"], "0");
    sameDefault(pg, "numeric(5,2)", ["9.995", "'10.00'::numeric"], "10.00");
    sameDefault(pg, "numeric(5,1)", ["1.25", "1.3"], "1.3");
  });
  it("booleans: `false`, TypeORM's string `'false'` (TypeORM #7955), `'f'`", () => {
    sameDefault(pg, "boolean", ["false", "'false'", "'f'", "FALSE", "'false'::boolean"], "false");
    sameDefault(pg, "bool", ["true", "'true'", "'t'", "TRUE"], "true");
  });
  it("current time: now(), CURRENT_TIMESTAMP and TypeORM's normalizeDatetimeFunction forms", () => {
    sameDefault(
      pg,
      "timestamp with time zone",
      ["now()", "CURRENT_TIMESTAMP", "current_timestamp", "NOW()"],
      "CURRENT_TIMESTAMP",
    );
    sameDefault(
      pg,
      "timestamp",
      ["CURRENT_TIMESTAMP", "now()", "('now'::text)::timestamp without time zone"],
      "CURRENT_TIMESTAMP",
    );
    sameDefault(pg, "date", ["CURRENT_DATE", "('now'::text)::date", "current_date"], "CURRENT_DATE");
  });
  it("function defaults: lowercase, spacing", () => {
    sameDefault(pg, "uuid", ["gen_random_uuid()", "GEN_RANDOM_UUID( )"], "gen_random_uuid()");
    sameDefault(pg, "uuid", ["uuid_generate_v4()"], "uuid_generate_v4()");
  });
  it("array and json literals (TypeORM #3076)", () => {
    sameDefault(pg, "integer[]", ["'{}'::integer[]", "'{}'"], "'{}'");
    sameDefault(pg, "jsonb", [`'{"a": 1}'::jsonb`, `'{"a": 1}'`], `'{"a": 1}'`);
  });
  it("no default: null, undefined, NULL and a cast NULL", () =>
    sameDefault(pg, "character varying(5)", [null, undefined, "NULL", "NULL::character varying", "null"], null));
  it("keeps casts of non-literals", () => sameDefault(pg, "date", ["(now())::date"], "(now())::date"));
  it("current time of day: CURRENT_TIME and LOCALTIME, and TypeORM's `('now'::text)::time...` forms (never the constant 'now')", () => {
    sameDefault(
      pg,
      "time with time zone",
      ["CURRENT_TIME", "current_time", "('now'::text)::time with time zone"],
      "CURRENT_TIME",
    );
    sameDefault(
      pg,
      "time(0) with time zone",
      ["CURRENT_TIME(0)", "('now'::text)::time(0) with time zone"],
      "CURRENT_TIME(0)",
    );
    sameDefault(pg, "time", ["LOCALTIME", "('now'::text)::time without time zone"], "LOCALTIME");
    sameDefault(pg, "time(3)", ["LOCALTIME(3)", "('now'::text)::time(3) without time zone"], "LOCALTIME(3)");
  });
  it("literals PostgreSQL stores in the type's output form: bit strings, bytea, money, MAC addresses", () => {
    sameDefault(pg, "bit(4)", ["B'1111'", "X'F'", "'1111'::\"bit\"", "'1111'"], "'1111'");
    sameDefault(pg, "bit varying", ["b'101'", "'101'::\"bit\""], "'101'");
    sameDefault(pg, "bytea", ["'abc'", "'\\x616263'::bytea", "'\\x61 62 63'"], "'\\x616263'");
    sameDefault(pg, "bytea", ["'\\001a\\\\'", "'\\x01615c'::bytea"], "'\\x01615c'");
    sameDefault(pg, "money", ["12.34", "'12.34'", "'$12.34'::money"], "12.34");
    sameDefault(pg, "money", ["-1234.5", "'-$1,234.50'::money"], "-1234.50");
    sameDefault(pg, "money", ["0", "'$0.00'::money"], "0.00");
    sameDefault(
      pg,
      "macaddr",
      ["'08-00-2b-01-02-03'", "'0800.2b01.0203'", "'08002B:010203'", "'08:00:2b:01:02:03'::macaddr"],
      "'08:00:2b:01:02:03'",
    );
    sameDefault(
      pg,
      "macaddr8",
      ["'08:00:2b:01:02:03'", "'08:00:2b:ff:fe:01:02:03'::macaddr8"],
      "'08:00:2b:ff:fe:01:02:03'",
    );
  });
  it("interval literals in the output form (IntervalStyle postgres); unread forms stay as written", () => {
    sameDefault(pg, "interval", ["'1 hour'", "'60 minutes'", "'01:00'", "'01:00:00'::interval"], "'01:00:00'");
    sameDefault(pg, "interval", ["'1 week'", "'7 days'::interval"], "'7 days'");
    sameDefault(pg, "interval", ["'-1 day 2 hours'", "'-1 days +02:00:00'::interval"], "'-1 days +02:00:00'");
    sameDefault(pg, "interval", ["'14 months'", "'1y 2mons'", "'1 year 2 mons'::interval"], "'1 year 2 mons'");
    sameDefault(pg, "interval", ["'0'", "'00:00:00'::interval"], "'00:00:00'");
    sameDefault(pg, "interval", ["'1 millisecond'"], "'00:00:00.001'");
    sameDefault(pg, "interval", ["'P1D'"], "'P1D'");
  });
  it("date/time literals in the ISO output form; a timestamptz with an offset in UTC, one without an offset as written", () => {
    sameDefault(
      pg,
      "timestamp",
      [
        "'2020-01-01'",
        "'2020-01-01T00:00'",
        "'2020-01-01 00:00:00+02'",
        "'2020-01-01 00:00:00'::timestamp without time zone",
      ],
      "'2020-01-01 00:00:00'",
    );
    sameDefault(
      pg,
      "timestamp(3)",
      ["'2020-01-01 10:00:00.500'", "'2020-01-01 10:00:00.5'::timestamp without time zone"],
      "'2020-01-01 10:00:00.5'",
    );
    sameDefault(pg, "date", ["'2020/01/02'", "'20200102'", "'2020-01-02'::date"], "'2020-01-02'");
    sameDefault(pg, "time", ["'1:02'", "'01:02:00'::time without time zone"], "'01:02:00'");
    sameDefault(pg, "timetz", ["'12:00+02:00'", "'12:00:00+02'::time with time zone"], "'12:00:00+02'");
    sameDefault(
      pg,
      "timestamptz",
      ["'2020-01-01 02:00:00+02'", "'2020-01-01T00:00:00Z'", "'2020-01-01 05:30:00+05:30'::timestamp with time zone"],
      "'2020-01-01 00:00:00+00'",
    );
    sameDefault(pg, "timestamptz", ["'2020-01-01 00:00:00'"], "'2020-01-01 00:00:00'");
    sameDefault(pg, "timetz", ["'12:00:00'"], "'12:00:00'");
    sameDefault(pg, "timestamp", ["'Jan 1 2020'"], "'Jan 1 2020'");
  });
  it("tsvector literals: lexemes quoted, sorted, once each", () => {
    sameDefault(pg, "tsvector", ["'b a a'", "'a b'", "'''a'' ''b'''::tsvector"], "'''a'' ''b'''");
    sameDefault(pg, "tsvector", ["''", "''::tsvector"], "''");
    sameDefault(pg, "tsvector", ["'a:1'"], "'a:1'");
  });
  it("array constructors: cast types spelled canonically; a non-empty one loses the cast the catalog folds into its elements", () => {
    sameDefault(pg, "integer[]", ["ARRAY[]::int[]", "ARRAY[]::integer[]", "ARRAY[]::int4[]"], "array[]::integer[]");
    sameDefault(
      pg,
      "character varying(5)[]",
      ["ARRAY[]::varchar[]", "ARRAY[]::character varying[]"],
      "array[]::varchar[]",
    );
    sameDefault(pg, "integer[]", ["ARRAY[1,2]::int[]", "ARRAY[1, 2]"], "array[1, 2]");
    sameDefault(
      pg,
      "character varying(5)[]",
      ["ARRAY['a']::character varying(5)[]", "ARRAY['a'::character varying(5)]"],
      "array['a']",
    );
  });
  it("casts in expressions name their type canonically", () => {
    assert.equal(pg.expression("(qty)::int4 > 0"), pg.expression("(qty)::integer > 0"));
    assert.equal(pg.expression("(name)::character varying(10) <> ''"), "(name)::varchar(10) <> ''");
  });
});

describe("postgresCanonical.column", () => {
  it("serial (TypeORM's increment) and nextval (the catalog) are integer + autoIncrement, no default", () => {
    const expected = Column.create("id", "integer", { nullable: false, autoIncrement: true });
    assert.deepEqual(pg.column(Column.create("id", "serial", { nullable: false })), expected);
    assert.deepEqual(
      pg.column(Column.create("id", "int4", { nullable: false, default: "nextval('order_id_seq'::regclass)" })),
      expected,
    );
    assert.deepEqual(
      pg.column(Column.create("id", "integer", { nullable: false, default: `nextval('"Order_id_seq"'::regclass)` })),
      expected,
    );
    assert.deepEqual(pg.column(Column.create("n", "bigserial")), Column.create("n", "bigint", { autoIncrement: true }));
  });
  it("identity columns have no default and are not autoIncrement", () => {
    const identity = { always: false, start: null, increment: null };
    assert.deepEqual(
      pg.column(Column.create("id", "int4", { identity, autoIncrement: true })),
      Column.create("id", "integer", { identity }),
    );
  });
  it("canonicalises type, default and generation expression together", () =>
    assert.deepEqual(
      pg.column(Column.create("n", "character varying(9)", { default: "'x'::character varying", generated: null })),
      Column.create("n", "varchar(9)", { default: "'x'" }),
    ));
});

describe("postgresCanonical.column comments", () => {
  it("an empty comment is no comment (TypeORM #7287)", () =>
    assert.equal(pg.column(Column.create("c", "text", { comment: "" })).comment, null));
});

describe("postgresCanonical.expression", () => {
  it("outer parentheses, case and spacing outside quotes", () => {
    assert.equal(pg.expression("((price  >  0))"), "price > 0");
    assert.equal(pg.expression("(Status IN ('A','b'))"), "status in ('A', 'b')");
    assert.equal(pg.expression('("Name" IS NOT NULL)'), '"Name" is not null');
    assert.equal(pg.expression("(a > 0) AND (b > 0)"), "(a > 0) and (b > 0)");
    // pg_get_constraintdef's casts of literals.
    assert.equal(pg.expression("((price > (0)::numeric))"), pg.expression("price > 0"));
    assert.equal(pg.expression("((status)::text <> 'x'::text)"), "(status)::text <> 'x'");
    assert.equal(pg.expression("(qty >= (-1)::integer)"), "qty >= -1");
    assert.equal(pg.expression("(name <> ''::character varying)"), "name <> ''");
  });
});

/*
 * The no-phantom-diff loop for columns, on the real databases: a column as TypeORM renders it is
 * canonicalised, compiled, created, read back from the catalog, canonicalised again, and must
 * be equal to what went in.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Column, CreateTableOp, Table, PrimaryKey } from "@autogen/core";
import { getDialect, type Connection, type DialectName } from "../src/index";
import { dialectsUnderTest, useDatabase } from "../src/testing";

/** Columns in TypeORM's raw terms (its normalizeType / normalizeDefault output, or what users write). */
const COLUMNS: Record<DialectName, Column[]> = {
  postgres: [
    Column.create("id", "serial", { nullable: false }),
    Column.create("name", "character varying(50)", { default: "'abc'" }),
    Column.create("n", "int4", { nullable: false, default: "'-1'" }),
    Column.create("flag", "bool", { default: "'false'" }),
    Column.create("amount", "decimal(10,2)", { default: "'1.50'" }),
    Column.create("neg", "numeric(5,2)", { default: "-2.5" }),
    Column.create("created", "timestamp with time zone", { default: "now()" }),
    Column.create("day", "date", { default: "('now'::text)::date" }),
    Column.create("ts", "timestamp(6)"),
    Column.create("u", "uuid", { default: "gen_random_uuid()" }),
    Column.create("tags", "text[]", { default: "'{}'" }),
    Column.create("j", "jsonb", { default: `'{"a": 1}'` }),
    Column.create("c", "char"),
    Column.create("big", "int8", { default: "42" }),
  ],
  mysql: [
    Column.create("id", "int", { nullable: false, autoIncrement: true }),
    Column.create("name", "varchar(20)", { default: "'x''y'" }),
    Column.create("n", "integer", { nullable: false, default: "-1" }),
    Column.create("b", "boolean", { default: "true" }),
    Column.create("amt", "decimal(10,2)", { default: "'1'" }),
    Column.create("at", "datetime(6)", {
      nullable: false,
      default: "CURRENT_TIMESTAMP(6)",
      onUpdate: "CURRENT_TIMESTAMP(6)",
    }),
    Column.create("seen", "datetime", { default: "now()" }),
    Column.create("u", "varchar(36)", { default: "uuid()" }),
    Column.create("e", "enum('a','b')", { default: "'a'" }),
    Column.create("un", "int unsigned", { default: "0" }),
    Column.create("v", "varchar", { default: "NULL" }),
  ],
  sqlite: [
    Column.create("id", "integer", { nullable: false, autoIncrement: true }),
    Column.create("name", "varchar(20)", { default: "('abc')" }),
    Column.create("n", "INTEGER", { default: "'1'" }),
    Column.create("at", "datetime", { default: "(datetime('now'))" }),
    Column.create("ts", "DATETIME", { default: "CURRENT_TIMESTAMP" }),
    Column.create("b", "boolean", { nullable: false, default: "true" }),
    Column.create("r", "real", { default: "'1.5'" }),
  ],
};

interface Reflected {
  name: string;
  type: string;
  dflt: string | null;
  notnull: boolean;
  extra: string;
}

/** The catalog's raw text for each column, as the reflection package reads it. */
const REFLECT: Record<DialectName, (conn: Connection) => Promise<Reflected[]>> = {
  postgres: async (conn) =>
    (
      await conn.query<Reflected>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, pg_get_expr(d.adbin, d.adrelid) AS dflt, a.attnotnull AS notnull, '' AS extra
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = 'roundtrip'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      )
    ).rows,
  mysql: async (conn) =>
    (
      await conn.query<Reflected>(
        `SELECT column_name AS name, column_type AS type, column_default AS dflt, is_nullable = 'NO' AS notnull, extra
         FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'roundtrip' ORDER BY ordinal_position`,
      )
    ).rows,
  sqlite: async (conn) =>
    (
      await conn.query<{ name: string; type: string; dflt_value: string | null; notnull: number }>(
        `PRAGMA table_info("roundtrip")`,
      )
    ).rows.map((r) => ({
      name: r.name,
      type: r.type,
      dflt: r.dflt_value,
      notnull: r.notnull === 1,
      extra: "",
    })),
};

/** The reflected row as a raw Column (the reflection package's job, reduced to what this test needs). */
function rawColumn(r: Reflected, declared: Column): Column {
  const extra = String(r.extra ?? "").toLowerCase();
  const onUpdate = extra.match(/on update (.+)$/)?.[1] ?? null;
  return Column.create(r.name, r.type, {
    nullable: !r.notnull,
    default: r.dflt,
    onUpdate,
    // SQLite has no catalog flag for AUTOINCREMENT outside the CREATE TABLE text; MySQL says auto_increment.
    autoIncrement:
      extra.includes("auto_increment") ||
      (r.type.toLowerCase() === "integer" && declared.autoIncrement && r.name === "id"),
  });
}

describe("canonical columns survive compile → create → reflect", () => {
  for (const d of dialectsUnderTest()) {
    it(`${d}: reflected catalog text canonicalises to the declared column`, async (t) => {
      const db = await useDatabase(t, d);
      if (!db) return;
      const conn = await db.connect();
      const dialect = getDialect(d);
      const canonical = COLUMNS[d].map((c) => dialect.canonical.column(c));
      const table = Table.create("roundtrip", canonical, { primaryKey: PrimaryKey.create(["id"]) });
      for (const sql of dialect.createDdlCompiler().compile(CreateTableOp.create(table))) await conn.query(sql);
      const reflected = (await REFLECT[d](conn)).map((r, i) => dialect.canonical.column(rawColumn(r, COLUMNS[d][i])));
      const pick = (c: Column) => ({
        name: c.name,
        type: c.type,
        default: c.default,
        nullable: c.nullable,
        autoIncrement: c.autoIncrement,
        onUpdate: c.onUpdate,
      });
      assert.deepEqual(reflected.map(pick), canonical.map(pick));
    });
  }
});

/*
 * Dialect-specific DDL features run on the real servers: the spellings the compile tests expect
 * are also ones the databases accept.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AlterColumnOp,
  CreateIndexOp,
  CreateTableOp,
  Index,
  IndexElement,
  QualifiedName,
  toTable,
  type ForeignKeyInput,
  type OpNode,
} from "@autogen/core";
import { getDialect, type DialectName } from "../src/index";
import { dialectsUnderTest, useDatabase } from "../src/testing";

const docs = QualifiedName.create("Docs");

/** A deferrable foreign key of Docs to itself, which PostgreSQL and SQLite both accept. */
const deferredSelfReference: ForeignKeyInput = {
  name: "fk_docs_ref",
  columns: ["ref"],
  refTable: "Docs",
  refColumns: ["id"],
  deferrable: true,
  initially: "DEFERRED",
};

const FEATURES: Record<DialectName, OpNode[]> = {
  postgres: [
    CreateTableOp.create(
      toTable(
        "Docs",
        [
          { name: "id", type: "bigint", primaryKey: true, identity: { always: true, start: 100, increment: 5 } },
          { name: "title", type: "varchar(80)", nullable: false, collation: "C" },
          { name: "tags", type: "text[]", default: "'{}'" },
          { name: "body", type: "text" },
          { name: "len", type: "integer", generated: { expression: "length(body)" } },
          { name: "ref", type: "bigint" },
          { name: "summary", type: "text" },
        ],
        {
          uniques: [{ name: "uq_docs_title", columns: ["title"], deferrable: true, initially: "DEFERRED" }],
          foreignKeys: [{ ...deferredSelfReference, onDelete: "SET NULL" }],
          checks: [{ name: "ck_docs_title", expression: "length(title) > 0" }],
          indexes: [
            { name: "ix_docs_tags", columns: ["tags"], using: "gin" },
            {
              name: "ix_docs_partial",
              columns: [{ column: "title", descending: true, nulls: "LAST" }],
              where: "body IS NOT NULL",
              include: ["ref"],
            },
            { name: "ix_docs_lower", columns: [{ expression: "lower(title)" }], unique: true },
          ],
          comment: "documents",
        },
      ),
    ),
    AlterColumnOp.create(
      docs,
      "summary",
      { type: "varchar(100)", default: "''" },
      { type: "text" },
      { using: "left(summary, 100)" },
    ),
    AlterColumnOp.create(docs, "ref", { identity: null }, { type: "bigint" }),
  ],
  mysql: [
    CreateTableOp.create(
      toTable(
        "Docs",
        [
          { name: "id", type: "int unsigned", primaryKey: true, autoIncrement: true },
          {
            name: "title",
            type: "varchar(80)",
            nullable: false,
            charset: "utf8mb4",
            collation: "utf8mb4_bin",
            comment: "the title",
          },
          { name: "body", type: "text" },
          { name: "len", type: "int", generated: { expression: "char_length(body)", stored: false } },
          {
            name: "changed",
            type: "datetime(6)",
            nullable: false,
            default: "CURRENT_TIMESTAMP(6)",
            onUpdate: "CURRENT_TIMESTAMP(6)",
          },
          { name: "token", type: "varchar(36)", default: "uuid()" },
          { name: "kind", type: "enum('a','b')", nullable: false, default: "'a'" },
        ],
        {
          checks: [{ name: "ck_docs_title", expression: "char_length(title) > 0" }],
          indexes: [
            { name: "ix_docs_body", columns: [{ column: "body", length: 20 }] },
            { name: "ft_docs_body", columns: ["body"], using: "fulltext" },
            { name: "ix_docs_title", columns: [{ column: "title", descending: true }], unique: true, using: "btree" },
          ],
          comment: "documents",
          options: { engine: "InnoDB", charset: "utf8mb4", collation: "utf8mb4_unicode_ci" },
        },
      ),
    ),
    AlterColumnOp.create(
      docs,
      "title",
      { type: "varchar(120)", name: "Title" },
      { type: "varchar(80)", nullable: false, charset: "utf8mb4", collation: "utf8mb4_bin", comment: "the title" },
    ),
  ],
  sqlite: [
    CreateTableOp.create(
      toTable(
        "Docs",
        [
          { name: "id", type: "integer", primaryKey: true, autoIncrement: true },
          { name: "title", type: "text", nullable: false, collation: "NOCASE" },
          { name: "body", type: "text", default: "lower('X')" },
          { name: "len", type: "integer", generated: { expression: "length(body)", stored: true } },
          { name: "ref", type: "integer" },
        ],
        {
          foreignKeys: [deferredSelfReference],
          checks: [{ name: "ck_docs_title", expression: "length(title) > 0" }],
          indexes: [
            { name: "ix_docs_partial", columns: [{ column: "title", descending: true }], where: "body IS NOT NULL" },
            { name: "ix_docs_lower", columns: [{ expression: "lower(title)" }], unique: true },
          ],
        },
      ),
    ),
    CreateTableOp.create(
      toTable(
        "strict_kv",
        [
          { name: "k", type: "text", primaryKey: true },
          { name: "v", type: "integer" },
        ],
        { options: { withoutRowid: "true", strict: "true" } },
      ),
    ),
    CreateIndexOp.create(docs, Index.create("ix_docs_ref", [IndexElement.column("ref")])),
  ],
};

describe("dialect-specific DDL runs on the real databases", () => {
  for (const d of dialectsUnderTest()) {
    it(`${d}: identity/serial, generated columns, collations, deferrable keys, index kinds, table options`, async (t) => {
      const db = await useDatabase(t, d);
      if (!db) return;
      const conn = await db.connect();
      const dialect = getDialect(d);
      for (const op of FEATURES[d]) for (const sql of dialect.createDdlCompiler().compile(op)) await conn.query(sql);

      const q = dialect.quote;
      const title = d === "mysql" ? "Title" : "title";
      await conn.query(`INSERT INTO ${q("Docs")} (${q(title)}, ${q("body")}) VALUES ('Hello', 'abc')`);
      const { rows } = await conn.query<Record<string, unknown>>(
        `SELECT ${q("id")} AS id, ${q("len")} AS len FROM ${q("Docs")}`,
      );
      assert.deepEqual(
        rows.map((r) => [Number(r.id), Number(r.len)]),
        [[d === "postgres" ? 100 : 1, 3]],
      );
      // The unique expression index holds: the same title in another case is refused.
      await assert.rejects(
        conn.query(`INSERT INTO ${q("Docs")} (${q(title)}) VALUES ('${d === "mysql" ? "Hello" : "HELLO"}')`),
      );

      if (d === "mysql") {
        const opts = await conn.query<Record<string, unknown>>(
          "SELECT engine, table_collation, table_comment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'Docs'",
        );
        assert.deepEqual(Object.values(opts.rows[0]), ["InnoDB", "utf8mb4_unicode_ci", "documents"]);
        const col = await conn.query<Record<string, unknown>>(
          "SELECT column_type, collation_name, column_comment FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'Docs' AND column_name = 'Title'",
        );
        assert.deepEqual(
          Object.values(col.rows[0]),
          ["varchar(120)", "utf8mb4_bin", "the title"],
          "CHANGE COLUMN kept collation and comment",
        );
      }
      if (d === "sqlite") {
        // STRICT refuses a value of the wrong type; WITHOUT ROWID tables have no rowid.
        await assert.rejects(
          conn.query(`INSERT INTO "strict_kv" VALUES ('a', 'not a number')`),
          /cannot store TEXT value in INTEGER column/,
        );
        await assert.rejects(conn.query(`SELECT rowid FROM "strict_kv"`), /no such column: rowid/);
      }
    });
  }
});

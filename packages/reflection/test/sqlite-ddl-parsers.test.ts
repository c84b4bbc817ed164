import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSqliteCreateIndex } from "../src/sqlite/sqlite-create-index-parser";
import { parseSqliteCreateTable } from "../src/sqlite/sqlite-create-table-parser";

const column = (
  name: string,
  o: { collation?: string; autoIncrement?: boolean; generated?: [string, boolean] } = {},
) => [
  name.toLowerCase(),
  {
    name,
    collation: o.collation ?? null,
    autoIncrement: o.autoIncrement ?? false,
    generated: o.generated ? { expression: o.generated[0], stored: o.generated[1] } : null,
  },
];

describe("SQLite DDL parsers", () => {
  it("read every column and table constraint, with nested parentheses, quotes and commas inside them", () => {
    const t = parseSqliteCreateTable(
      `CREATE TABLE "p" (id integer CONSTRAINT pk PRIMARY KEY DESC ON CONFLICT ABORT AUTOINCREMENT,
         a text COLLATE NOCASE CHECK (a <> '(,)') DEFAULT ('x,y'),
         b int GENERATED ALWAYS AS (a || ',' || (1+2)) STORED,
         c int AS (1) VIRTUAL REFERENCES q(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
         CONSTRAINT "u" UNIQUE (a COLLATE x DESC, b) ON CONFLICT IGNORE,
         CHECK ((b > 0)),
         FOREIGN KEY (c, b) REFERENCES "q" ("x", [y]) MATCH FULL NOT DEFERRABLE,
         CONSTRAINT c2 CHECK (c)) WITHOUT ROWID`,
    );
    assert.deepEqual(
      { ...t, columns: [...t.columns] },
      {
        columns: [
          column("id", { autoIncrement: true }),
          column("a", { collation: "NOCASE" }),
          column("b", { generated: ["a || ',' || (1+2)", true] }),
          column("c", { generated: ["1", false] }),
        ],
        primaryKey: { name: "pk", columns: ["id"] },
        uniques: [{ name: "u", columns: ["a", "b"] }],
        checks: [
          { name: null, expression: "a <> '(,)'" },
          { name: null, expression: "(b > 0)" },
          { name: "c2", expression: "c" },
        ],
        foreignKeys: [
          {
            name: null,
            columns: ["c"],
            refTable: "q",
            refColumns: ["id"],
            onDelete: "CASCADE",
            onUpdate: null,
            deferrable: true,
            initially: "DEFERRED",
          },
          {
            name: null,
            columns: ["c", "b"],
            refTable: "q",
            refColumns: ["x", "y"],
            onDelete: null,
            onUpdate: null,
            deferrable: false,
            initially: null,
          },
        ],
      },
    );
  });

  it("read keywords in any case, names as written", () => {
    const upper = parseSqliteCreateTable(
      `CREATE TABLE t (Id integer CONSTRAINT pk PRIMARY KEY AUTOINCREMENT NOT NULL, a varchar(2) DEFAULT (1) COLLATE NoCase,
         CONSTRAINT "u" UNIQUE (a), Constraint fk Foreign Key (a) References q (id) On Delete Set Null)`,
    );
    const lower = parseSqliteCreateTable(
      `create table t (Id integer constraint pk primary key autoincrement not null, a varchar(2) default (1) collate NoCase,
         constraint "u" unique (a), Constraint fk Foreign Key (a) References q (id) On Delete Set Null)`,
    );
    assert.deepEqual(lower, upper);
    assert.deepEqual(
      [...lower.columns.values()],
      [column("Id", { autoIncrement: true })[1], column("a", { collation: "NoCase" })[1]],
    );
    assert.deepEqual(lower.primaryKey, { name: "pk", columns: ["Id"] });
    assert.equal(lower.foreignKeys[0]?.onDelete, "SET NULL");
  });

  it("keep a comment inside an expression as one space, and skip empty list items", () => {
    const t = parseSqliteCreateTable("CREATE TABLE t (a int /* c */ , , b -- x\n int, CHECK ( a  /* y */ > 0 ))");
    assert.deepEqual([...t.columns.keys()], ["a", "b"]);
    assert.deepEqual(t.checks, [{ name: null, expression: "a > 0" }]);
  });

  it("read an index's elements without COLLATE and ASC/DESC, and its WHERE without the semicolon", () => {
    assert.deepEqual(
      parseSqliteCreateIndex(
        "CREATE UNIQUE INDEX IF NOT EXISTS main.ix ON t (lower(a) COLLATE NOCASE DESC, b ASC, (a + b)) WHERE a > 0 AND (b IS NOT NULL);",
      ),
      {
        elements: [
          { text: "lower(a)", collation: "NOCASE" },
          { text: "b", collation: null },
          { text: "(a + b)", collation: null },
        ],
        where: "a > 0 AND (b IS NOT NULL)",
      },
    );
  });

  it("take an unclosed parenthesis to the end of the text", () => {
    assert.deepEqual(parseSqliteCreateTable("CREATE TABLE t (a int, CHECK (a > (0), c int").checks, [
      { name: null, expression: "a > (0), c int" },
    ]);
    assert.deepEqual(parseSqliteCreateIndex("CREATE INDEX ix ON t (a").elements, [{ text: "a", collation: null }]);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CheckConstraint,
  ForeignKey,
  Index,
  IndexElement,
  PrimaryKey,
  Schema,
  Table,
  UniqueConstraint,
  View,
} from "@autogen/core";
import { connect, getDialect } from "@autogen/dialects";
import { useDatabase } from "@autogen/dialects/testing";
import { createIntrospector } from "../src/index";
import { sqliteJsonRowsQuery } from "../src/sqlite/sqlite-catalog-queries";
import { modelOf, numbered, reflectedDatabase, tableNames, warningCollector } from "./reflect-helpers";

/** The model's column and expression for DDL as written (expected values are what the DDL says). */
const { column: lite, expression: liteExpression } = modelOf("sqlite");

/** Hand-written DDL covering everything SQLite reflection reads. */
const FEATURES_DDL = [
  `CREATE TABLE "parent" (
     id integer PRIMARY KEY AUTOINCREMENT,
     code text CONSTRAINT "UQ_code" UNIQUE,
     a int, b int,
     CONSTRAINT uq_ab UNIQUE (a, b)
   )`,
  // Quoted names of every kind, comments and strings holding parentheses and commas.
  `CREATE TABLE [child table] (
     "id" INT NOT NULL,
     "parent id" integer REFERENCES parent ON DELETE CASCADE, -- refers to parent's PK (a, b)
     x int DEFAULT (1 + 2),
     y INTEGER DEFAULT -1 CONSTRAINT ck_y CHECK (y <> 0),
     s VARCHAR(20) COLLATE nocase NOT NULL DEFAULT 'it''s, (really)',
     created datetime DEFAULT CURRENT_TIMESTAMP,
     g int GENERATED ALWAYS AS (x * 2) STORED,
     v int AS (x + 1),
     \`back\` text,
     CONSTRAINT fk_xy FOREIGN KEY (x, y) REFERENCES parent (a, b) DEFERRABLE INITIALLY DEFERRED,
     CONSTRAINT "fk_code" FOREIGN KEY (s) REFERENCES "parent" ("code") ON UPDATE SET NULL ON DELETE NO ACTION,
     CONSTRAINT "CHK_x" CHECK ("x" > 0 AND s <> ')' /* a ) in a comment */),
     CHECK (length(s) < 100),
     CONSTRAINT "PK_child" PRIMARY KEY ("id" DESC)
   ) WITHOUT ROWID`,
  `CREATE INDEX "IDX_child_expr" ON [child table] (x DESC, lower(s), y COLLATE nocase) WHERE x > 1 AND s IS NOT NULL`,
  `CREATE UNIQUE INDEX ux_back ON "child table" (\`back\`)`,
  `CREATE TABLE strict_t (id INTEGER PRIMARY KEY, n REAL) STRICT`,
  `CREATE VIEW "v_parent" AS SELECT id, code FROM parent WHERE a > 0`,
];

describe("sqlite reflection", () => {
  it("reflects columns, keys, constraints, indexes and views exactly", async (t) => {
    const db = await reflectedDatabase(t, "sqlite", FEATURES_DDL);
    if (!db) return;
    const { warnings, onWarning } = warningCollector();
    const schema = await db.introspector.reflect({ onWarning });

    const child = Table.create(
      "child table",
      [
        lite("id", "INT", { nullable: false }),
        lite("parent id", "integer"),
        lite("x", "int", { default: "(1 + 2)" }),
        lite("y", "INTEGER", { default: "-1" }),
        lite("s", "VARCHAR(20)", { nullable: false, default: "'it''s, (really)'", collation: "nocase" }),
        lite("created", "datetime", { default: "CURRENT_TIMESTAMP" }),
        lite("g", "int", { generated: { expression: "x * 2", stored: true } }),
        lite("v", "int", { generated: { expression: "x + 1", stored: false } }),
        lite("back", "text"),
      ],
      {
        primaryKey: PrimaryKey.create(["id"], "PK_child"),
        indexes: [
          Index.create(
            "IDX_child_expr",
            [
              IndexElement.column("x", { descending: true }),
              IndexElement.expression(liteExpression("lower(s)")),
              IndexElement.expression(liteExpression("y COLLATE nocase")),
            ],
            { where: liteExpression("x > 1 AND s IS NOT NULL") },
          ),
          Index.create("ux_back", [IndexElement.column("back")], { unique: true }),
        ],
        foreignKeys: [
          ForeignKey.create({
            name: "fk_code",
            columns: ["s"],
            refTable: "parent",
            refColumns: ["code"],
            onUpdate: "SET NULL",
          }),
          ForeignKey.create({
            name: "fk_xy",
            columns: ["x", "y"],
            refTable: "parent",
            refColumns: ["a", "b"],
            deferrable: true,
            initially: "DEFERRED",
          }),
          ForeignKey.create({
            name: null,
            columns: ["parent id"],
            refTable: "parent",
            refColumns: ["id"],
            onDelete: "CASCADE",
          }),
        ],
        checks: [
          CheckConstraint.create(liteExpression(`"x" > 0 AND s <> ')'`), "CHK_x"),
          CheckConstraint.create(liteExpression("y <> 0"), "ck_y"),
          CheckConstraint.create(liteExpression("length(s) < 100"), null),
        ],
        options: { withoutRowid: "true" },
      },
    );
    const parent = Table.create(
      "parent",
      [lite("id", "integer", { autoIncrement: true }), lite("code", "text"), lite("a", "int"), lite("b", "int")],
      {
        primaryKey: PrimaryKey.create(["id"]),
        uniques: [UniqueConstraint.create(["code"], "UQ_code"), UniqueConstraint.create(["a", "b"], "uq_ab")],
      },
    );
    const strict = Table.create("strict_t", [lite("id", "INTEGER"), lite("n", "REAL")], {
      primaryKey: PrimaryKey.create(["id"]),
      options: { strict: "true" },
    });
    const expected = Schema.create({
      tables: [child, parent, strict],
      // The SELECT canonical as the model's is (case and spacing outside quotes).
      views: [View.create("v_parent", "select id, code from parent where a > 0")],
    });
    assert.deepEqual(schema, expected);
    assert.deepEqual(warnings, []);
  });

  it("sorts and freezes its output, so two reflections are equal", async (t) => {
    const db = await reflectedDatabase(t, "sqlite", FEATURES_DDL);
    if (!db) return;
    const first = await db.introspector.reflect();
    const second = await db.introspector.reflect();
    assert.deepEqual(first, second);
    assert.ok(
      Object.isFrozen(first) && Object.isFrozen(first.tables[0]) && Object.isFrozen(first.tables[0]!.columns[0]),
    );
    assert.deepEqual(tableNames(first), ["child table", "parent", "strict_t"]);
    assert.deepEqual(
      first.tables[1]!.uniques.map((u) => u.name),
      ["UQ_code", "uq_ab"],
    );
  });

  it("leaves out autogen's, TypeORM's and SQLite's own tables, and the excluded ones", async (t) => {
    const db = await reflectedDatabase(t, "sqlite", [
      "CREATE TABLE autogen_version (version_num varchar(32) NOT NULL PRIMARY KEY)",
      "CREATE TABLE migrations (id integer PRIMARY KEY AUTOINCREMENT, timestamp bigint NOT NULL, name varchar NOT NULL)",
      "CREATE TABLE typeorm_metadata (type varchar NOT NULL, name varchar)",
      "CREATE TABLE my_versions (v text)",
      "CREATE TABLE kept (id integer PRIMARY KEY AUTOINCREMENT)",
      "INSERT INTO kept DEFAULT VALUES", // fills sqlite_sequence
    ]);
    if (!db) return;
    const all = await db.introspector.reflect();
    assert.deepEqual(tableNames(all), ["kept", "my_versions"]);
    const excluded = await db.introspector.reflect({ exclude: ["my_versions"] });
    assert.deepEqual(tableNames(excluded), ["kept"]);
  });

  it("reflects only the named tables, resolving a reference to a table left out", async (t) => {
    const db = await reflectedDatabase(t, "sqlite", [
      "CREATE TABLE parent (id integer PRIMARY KEY, other int)",
      "CREATE TABLE child (id integer PRIMARY KEY, parent_id int REFERENCES parent, other_id int REFERENCES parent (other))",
      "CREATE INDEX ix_parent_other ON parent (other)",
      "CREATE VIEW v AS SELECT 1",
    ]);
    if (!db) return;
    const schema = await db.introspector.reflect({ tables: ["child"] });
    assert.deepEqual(
      schema,
      Schema.create({
        tables: [
          Table.create("child", [lite("id", "integer"), lite("parent_id", "int"), lite("other_id", "int")], {
            primaryKey: PrimaryKey.create(["id"]),
            foreignKeys: [
              ForeignKey.create({ columns: ["other_id"], refTable: "parent", refColumns: ["other"] }),
              ForeignKey.create({ columns: ["parent_id"], refTable: "parent", refColumns: ["id"] }),
            ],
          }),
        ],
      }),
    );
    assert.deepEqual((await db.introspector.reflect({ tables: [] })).tables, []);
  });

  it("sends the same four queries for one table and for sixty", async (t) => {
    const table = (i: number) => [
      `CREATE TABLE t${i} (id integer PRIMARY KEY AUTOINCREMENT, name text UNIQUE, ref int REFERENCES t0 (id), CHECK (id > 0))`,
      `CREATE INDEX ix_t${i} ON t${i} (lower(name)) WHERE ref IS NOT NULL`,
    ];
    const db = await reflectedDatabase(t, "sqlite", numbered(60, table));
    if (!db) return;
    const one = await db.introspector.reflect({ tables: ["t0"] });
    const oneCount = db.introspector.lastQueryCount;
    const all = await db.introspector.reflect();
    assert.equal(one.tables.length, 1);
    assert.equal(all.tables.length, 60);
    assert.equal(oneCount, 4);
    assert.equal(db.introspector.lastQueryCount, 4);
    assert.deepEqual(
      all.tables.find((x) => x.name === "t0"),
      one.tables[0],
    );
  });

  it("reads awkward but valid DDL: odd quoting, multi-word types, conflict clauses, MATCH, NOT DEFERRABLE", async (t) => {
    const db = await reflectedDatabase(t, "sqlite", [
      `CREATE TABLE "ref" ("k 1" int, k2 int, PRIMARY KEY ("k 1", k2) ON CONFLICT ROLLBACK)`,
      `create table if not exists "we""ird" (
         "a""b" UNSIGNED BIG INT not null on conflict fail default +5,
         [c,d] DOUBLE PRECISION constraint "my pk" primary key asc on conflict abort,
         e text unique on conflict replace check(e not in ('x)', 'y,z')) collate rtrim,
         f int, g int,
         constraint "fk ""ref""" foreign key (f, g) references "ref" ("k 1", k2) match full on delete set default not deferrable initially immediate
       )`,
    ]);
    if (!db) return;
    const schema = await db.introspector.reflect({ tables: ['we"ird'] });
    assert.deepEqual(schema.tables, [
      Table.create(
        'we"ird',
        [
          lite('a"b', "UNSIGNED BIG INT", { nullable: false, default: "+5" }),
          lite("c,d", "DOUBLE PRECISION"),
          lite("e", "text", { collation: "rtrim" }),
          lite("f", "int"),
          lite("g", "int"),
        ],
        {
          primaryKey: PrimaryKey.create(["c,d"], "my pk"),
          uniques: [UniqueConstraint.create(["e"])],
          foreignKeys: [
            ForeignKey.create({
              name: 'fk "ref"',
              columns: ["f", "g"],
              refTable: "ref",
              refColumns: ["k 1", "k2"],
              onDelete: "SET DEFAULT",
            }),
          ],
          checks: [CheckConstraint.create(liteExpression("e not in ('x)', 'y,z')"))],
        },
      ),
    ]);
  });

  it("reflects a UNIQUE that repeats the primary key or another UNIQUE, for which SQLite builds no index", async (t) => {
    const db = await reflectedDatabase(t, "sqlite", [
      `CREATE TABLE "profile" ("userId" varchar(36) NOT NULL, "bio" text, "Tag" int, CONSTRAINT "REL_user" UNIQUE ("userid"),
         CONSTRAINT "UQ_tag" UNIQUE ("Tag"), CONSTRAINT "UQ_tag_again" UNIQUE ("tag"), CONSTRAINT "PK_profile" PRIMARY KEY ("userId"))`,
    ]);
    if (!db) return;
    const schema = await db.introspector.reflect({ tables: ["profile"] });
    assert.deepEqual(schema.tables[0]!.uniques, [
      UniqueConstraint.create(["userId"], "REL_user"),
      UniqueConstraint.create(["Tag"], "UQ_tag"),
      UniqueConstraint.create(["Tag"], "UQ_tag_again"),
    ]);
  });

  it("reflects the same Schema through sqlite3 and better-sqlite3", async (t) => {
    const db = await useDatabase(t, "sqlite");
    if (!db) return;
    const setup = await connect(db.url, { sqliteDriver: "sqlite3" });
    for (const statement of FEATURES_DDL) await setup.query(statement);
    const viaSqlite3 = await createIntrospector(setup, getDialect("sqlite")).reflect();
    await setup.close();
    const other = await connect(db.url, { sqliteDriver: "better-sqlite3" });
    t.after(() => other.close());
    assert.deepEqual(await createIntrospector(other, getDialect("sqlite")).reflect(), viaSqlite3);
  });

  it("warns about a virtual table and leaves out the shadow tables it keeps its data in", async (t) => {
    const db = await reflectedDatabase(t, "sqlite", [
      "CREATE VIRTUAL TABLE docs USING fts5(title, body)",
      "CREATE TABLE notes (id integer PRIMARY KEY)",
    ]);
    if (!db) return;
    const { warnings, onWarning } = warningCollector();
    const schema = await db.introspector.reflect({ onWarning });
    assert.deepEqual(tableNames(schema), ["notes"]);
    assert.deepEqual(warnings, ["SQLite virtual table docs is not reflected: the model has no virtual tables"]);
  });
});

describe("SQLite catalog rows as JSON (sqliteJsonRowsQuery)", () => {
  it("answers one row of JSON that turns back into the select's rows, with SQLite's own values", async (t) => {
    const db = await reflectedDatabase(t, "sqlite", [
      "CREATE TABLE r (k text, n int, note text)",
      `INSERT INTO r VALUES ('b', 2, 'it''s "quoted", (really)'), ('a', 3, NULL), ('c', 1, 'ü ✓')`,
    ]);
    if (!db) return;
    const query = sqliteJsonRowsQuery<{ key: string; twice: number; note: string | null }>({
      fields: { key: "r.k", twice: "r.n * 2", note: "r.note" },
      from: "FROM r WHERE r.n > ?",
      order: { group: ["key"] },
    });
    const answer = (await db.conn.query<{ data: string }>(query.sql, [0])).rows;
    assert.equal(answer.length, 1);
    const byKey = (rows: { key: string }[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
    assert.deepEqual(byKey(query.rowsOf(answer)), [
      { key: "a", twice: 6, note: null },
      { key: "b", twice: 4, note: `it's "quoted", (really)` },
      { key: "c", twice: 2, note: "ü ✓" },
    ]);
    // No rows: an empty list.
    assert.deepEqual(query.rowsOf((await db.conn.query<{ data: string }>(query.sql, [9])).rows), []);
  });

  it("keeps the rows as they come when each group's are in order, groups interleaved or not", () => {
    const query = sqliteJsonRowsQuery<{ t: string; n: number }>({
      fields: { t: "x.t", n: "x.n" },
      from: "FROM x",
      order: { group: ["t"], within: "n" },
    });
    const rows = '[["b",0],["a",0],["b",1],["a",1],["a",2]]';
    assert.deepEqual(
      query.rowsOf([{ data: rows }]).map((r) => `${r.t}${r.n}`),
      ["b0", "a0", "b1", "a1", "a2"],
    );
  });

  it("sorts the rows by group, then within it, when a group's rows are out of order", () => {
    const query = sqliteJsonRowsQuery<{ t: string; i: string; n: number }>({
      fields: { t: "x.t", i: "x.i", n: "x.n" },
      from: "FROM x",
      order: { group: ["t", "i"], within: "n" },
    });
    const rows = '[["b","k",1],["a","k",0],["b","k",0],["a","j",0],["a","k",0.5]]';
    assert.deepEqual(
      query.rowsOf([{ data: rows }]).map((r) => `${r.t}.${r.i}${r.n}`),
      ["a.j0", "a.k0", "a.k0.5", "b.k0", "b.k1"],
    );
    // A repeated position is out of order too.
    assert.deepEqual(
      query.rowsOf([{ data: '[["a","k",1],["a","k",1]]' }]).map((r) => r.n),
      [1, 1],
    );
  });

  it("refuses an order by a field the select does not have", () => {
    assert.throws(
      () => sqliteJsonRowsQuery({ fields: { t: "x.t" }, from: "FROM x", order: { group: ["t"], within: "n" } }),
      /orders by a field it does not have/,
    );
  });
});

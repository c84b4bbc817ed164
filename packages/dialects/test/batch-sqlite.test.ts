/*
 * SQLite batch mode (move and copy) against a real SQLite file: the plan recreates a parent
 * table that has an ON DELETE CASCADE child and a self-reference, and nothing is lost.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AddColumnOp,
  AlterColumnOp,
  CheckConstraint,
  Column,
  CreateCheckConstraintOp,
  CreateIndexOp,
  CreateTableOp,
  DropColumnOp,
  Index,
  IndexElement,
  QualifiedName,
  toTable,
} from "@autogen/core";
import { planSqliteBatch, sqliteDialect, type Connection } from "../src/index";
import { useDatabase } from "../src/testing";

const parentName = QualifiedName.create("Parent");

/** The parent as reflection reports it: a text `code` that the batch turns into a NOT NULL integer. */
const parent = toTable(
  "Parent",
  [
    { name: "id", type: "integer", primaryKey: true, autoIncrement: true },
    { name: "name", type: "varchar(20)", nullable: false, default: "'anon'" },
    { name: "code", type: "text" },
    { name: "legacy", type: "integer" },
    { name: "manager", type: "integer" },
  ],
  {
    foreignKeys: [
      { name: "fk_parent_manager", columns: ["manager"], refTable: "Parent", refColumns: ["id"], onDelete: "SET NULL" },
    ],
    indexes: [
      { name: "ix_parent_name", columns: ["name"] },
      { name: "ix_parent_legacy", columns: ["legacy"] },
    ],
  },
);

const child = toTable(
  "child",
  [
    { name: "id", type: "integer", primaryKey: true },
    { name: "parent_id", type: "integer", nullable: false },
  ],
  {
    foreignKeys: [
      { name: "fk_child_parent", columns: ["parent_id"], refTable: "Parent", refColumns: ["id"], onDelete: "CASCADE" },
    ],
  },
);

const batchOps = [
  AlterColumnOp.create(parentName, "code", { type: "integer", nullable: false }, { type: "text", nullable: true }),
  CreateCheckConstraintOp.create(parentName, CheckConstraint.create("code > 0", "ck_parent_code")),
  DropColumnOp.create(parentName, Column.create("legacy", "integer")),
  AlterColumnOp.create(parentName, "name", { name: "Full Name" }),
  AddColumnOp.create(parentName, Column.create("joined", "datetime", { default: "CURRENT_TIMESTAMP" })),
  CreateIndexOp.create(
    parentName,
    Index.create("ix_parent_code", [IndexElement.column("code", { descending: true })], { unique: true }),
  ),
];

const values = async (conn: Connection, sql: string) => (await conn.query(sql)).rows.map((r) => ({ ...r }));

describe("planSqliteBatch", () => {
  it("writes SQLite's 12-step procedure: temp table, copy with renames, drop, rename, indexes", () => {
    const plan = planSqliteBatch(parent, batchOps);
    assert.deepEqual(plan.statements, [
      'CREATE TABLE "_autogen_tmp_Parent" (\n    "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n    "Full Name" varchar(20) NOT NULL DEFAULT \'anon\',\n' +
        '    "code" integer NOT NULL,\n    "manager" integer,\n    "joined" datetime DEFAULT CURRENT_TIMESTAMP,\n' +
        '    CONSTRAINT "fk_parent_manager" FOREIGN KEY ("manager") REFERENCES "Parent" ("id") ON DELETE SET NULL,\n' +
        '    CONSTRAINT "ck_parent_code" CHECK (code > 0)\n)',
      'INSERT INTO "_autogen_tmp_Parent" ("id", "Full Name", "code", "manager") SELECT "id", "name", "code", "manager" FROM "Parent"',
      `DELETE FROM "sqlite_sequence" WHERE name = '_autogen_tmp_Parent'`,
      `INSERT INTO "sqlite_sequence" (name, seq) SELECT '_autogen_tmp_Parent', seq FROM "sqlite_sequence" WHERE name = 'Parent'`,
      'DROP TABLE "Parent"',
      "PRAGMA legacy_alter_table = ON",
      'ALTER TABLE "_autogen_tmp_Parent" RENAME TO "Parent"',
      "PRAGMA legacy_alter_table = OFF",
      'CREATE INDEX "ix_parent_name" ON "Parent" ("Full Name")',
      'CREATE UNIQUE INDEX "ix_parent_code" ON "Parent" ("code" DESC)',
    ]);
    assert.deepEqual(
      plan.table.columns.map((c) => [c.name, c.type, c.nullable]),
      [
        ["id", "integer", false],
        ["Full Name", "varchar(20)", false],
        ["code", "integer", false],
        ["manager", "integer", true],
        ["joined", "datetime", true],
      ],
    );
  });

  it("recreates a parent table on a real SQLite file without losing cascade children, data or indexes", async (t) => {
    const db = await useDatabase(t, "sqlite");
    if (!db) return;
    const conn = await db.connect();
    const compile = (op: Parameters<ReturnType<typeof sqliteDialect.createDdlCompiler>["compile"]>[0]) =>
      sqliteDialect.createDdlCompiler().compile(op);
    for (const sql of [...compile(CreateTableOp.create(parent)), ...compile(CreateTableOp.create(child))])
      await conn.query(sql);
    // A view and another table's trigger read the table: the rename after the drop must not trip over them.
    await conn.query(`CREATE VIEW "parent_names" AS SELECT "id", "name" AS "n" FROM "Parent"`);
    await conn.query(
      `CREATE TRIGGER "child_touch" AFTER UPDATE ON "child" BEGIN UPDATE "Parent" SET "code" = "code" WHERE "id" = NEW."parent_id"; END`,
    );
    await conn.query(
      `INSERT INTO "Parent" ("id", "name", "code", "legacy", "manager") VALUES (1, 'Ann', '7', 1, NULL), (2, 'Bob', '42', 2, 1)`,
    );
    await conn.query(`INSERT INTO "child" ("id", "parent_id") VALUES (10, 1), (11, 1), (12, 2)`);
    // AUTOINCREMENT's counter is at 3 once row 3 is gone; the recreated table must not hand out 3 again.
    await conn.query(`INSERT INTO "Parent" ("id", "name", "code") VALUES (3, 'Gone', '1')`);
    await conn.query(`DELETE FROM "Parent" WHERE "id" = 3`);

    // As the runtime runs it: foreign keys off (the session default), one transaction, then the check.
    assert.deepEqual(await values(conn, "PRAGMA foreign_keys"), [{ foreign_keys: 0 }]);
    await conn.query("BEGIN");
    for (const sql of planSqliteBatch(parent, batchOps).statements) await conn.query(sql);
    assert.deepEqual(await values(conn, "PRAGMA foreign_key_check"), []);
    await conn.query("COMMIT");

    assert.deepEqual(await values(conn, 'SELECT "id", "parent_id" FROM "child" ORDER BY "id"'), [
      { id: 10, parent_id: 1 },
      { id: 11, parent_id: 1 },
      { id: 12, parent_id: 2 },
    ]);
    // Existing rows get the added column's default, as ADD COLUMN would give them.
    const stamp = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
    const rows = await values(
      conn,
      'SELECT "id", "Full Name" AS name, "code", typeof("code") AS t, "manager", "joined" FROM "Parent" ORDER BY "id"',
    );
    assert.ok(
      rows.every((r) => stamp.test(String(r.joined))),
      JSON.stringify(rows),
    );
    assert.deepEqual(
      rows.map(({ joined: _, ...r }) => r),
      [
        { id: 1, name: "Ann", code: 7, t: "integer", manager: null },
        { id: 2, name: "Bob", code: 42, t: "integer", manager: 1 },
      ],
    );
    const indexes = await values(
      conn,
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Parent' AND sql IS NOT NULL ORDER BY name`,
    );
    assert.deepEqual(indexes, [
      { name: "ix_parent_code", sql: 'CREATE UNIQUE INDEX "ix_parent_code" ON "Parent" ("code" DESC)' },
      { name: "ix_parent_name", sql: 'CREATE INDEX "ix_parent_name" ON "Parent" ("Full Name")' },
    ]);
    assert.deepEqual(await values(conn, `SELECT name FROM sqlite_master WHERE name LIKE '%autogen_tmp%'`), []);
    assert.deepEqual(await values(conn, `SELECT "id" FROM "parent_names" ORDER BY "id"`), [{ id: 1 }, { id: 2 }]);
    assert.deepEqual(await values(conn, "PRAGMA legacy_alter_table"), [{ legacy_alter_table: 0 }]);
    // The self-reference names the final table, and the child still points at it.
    assert.deepEqual(
      (await values(conn, `PRAGMA foreign_key_list("Parent")`)).map((r) => [r.table, r.from, r.on_delete]),
      [["Parent", "manager", "SET NULL"]],
    );
    assert.deepEqual(
      (await values(conn, `PRAGMA foreign_key_list("child")`)).map((r) => [r.table, r.on_delete]),
      [["Parent", "CASCADE"]],
    );

    // The new NOT NULL and CHECK are enforced; the AUTOINCREMENT key still counts on.
    await assert.rejects(
      conn.query(`INSERT INTO "Parent" ("Full Name", "code") VALUES ('Cy', 0)`),
      /CHECK constraint failed/,
    );
    await assert.rejects(conn.query(`INSERT INTO "Parent" ("Full Name") VALUES ('Cy')`), /NOT NULL constraint failed/);
    await conn.query(`INSERT INTO "Parent" ("Full Name", "code") VALUES ('Cy', 3)`);
    assert.deepEqual(await values(conn, `SELECT max("id") AS id FROM "Parent"`), [{ id: 4 }]);

    // Cascades work once enforcement is back on.
    await conn.query("PRAGMA foreign_keys = ON");
    await conn.query(`DELETE FROM "Parent" WHERE "id" = 1`);
    assert.deepEqual(await values(conn, 'SELECT "id" FROM "child" ORDER BY "id"'), [{ id: 12 }]);
  });

  it("changes column types without losing a value: the new column's affinity converts only what it can convert losslessly", async (t) => {
    const db = await useDatabase(t, "sqlite");
    if (!db) return;
    const conn = await db.connect();
    const name = QualifiedName.create("note");
    const note = toTable("note", [
      { name: "id", type: "integer", primaryKey: true },
      { name: "body", type: "text" },
      { name: "day", type: "varchar(10)" },
      { name: "amount", type: "text" },
      { name: "ratio", type: "real" },
      { name: "count", type: "text" },
    ]);
    for (const sql of sqliteDialect.createDdlCompiler().compile(CreateTableOp.create(note))) await conn.query(sql);
    await conn.query(
      `INSERT INTO "note" VALUES (1, '{"a":1}', '2021-02-01', '12.50', 1.25, '7'), (2, 'plain', 'soon', 'n/a', 2.0, 'x1')`,
    );
    // JSON, DATE and DECIMAL have NUMERIC affinity: CAST('2021-02-01' AS date) is 2021, CAST('{"a":1}' AS json) is 0.
    const ops = [
      AlterColumnOp.create(name, "body", { type: "json" }, { type: "text" }),
      AlterColumnOp.create(name, "day", { type: "date" }, { type: "varchar(10)" }),
      AlterColumnOp.create(name, "amount", { type: "decimal(10,2)" }, { type: "text" }),
      AlterColumnOp.create(name, "ratio", { type: "integer" }, { type: "real" }),
      AlterColumnOp.create(name, "count", { type: "integer" }, { type: "text" }),
    ];
    for (const sql of planSqliteBatch(note, ops).statements) await conn.query(sql);
    assert.deepEqual(
      await values(
        conn,
        `SELECT "body", "day", "amount", "ratio", "count", typeof("count") AS t FROM "note" ORDER BY "id"`,
      ),
      [
        { body: '{"a":1}', day: "2021-02-01", amount: 12.5, ratio: 1.25, count: 7, t: "integer" },
        { body: "plain", day: "soon", amount: "n/a", ratio: 2, count: "x1", t: "text" },
      ],
    );
  });
});

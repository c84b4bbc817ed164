/*
 * The compiled DDL runs on the real servers: a scenario touching every op kind (reserved words,
 * mixed case, a quote inside a name) is compiled for each dialect and executed in a fresh database.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AddColumnOp,
  AddEnumValueOp,
  AlterColumnOp,
  BulkInsertOp,
  CheckConstraint,
  Column,
  CreateCheckConstraintOp,
  CreateEnumOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateSchemaOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropEnumOp,
  DropIndexOp,
  DropSchemaOp,
  DropTableCommentOp,
  DropTableOp,
  Enum,
  ExecuteSQLOp,
  ForeignKey,
  Index,
  IndexElement,
  ModifyTableOps,
  PrimaryKey,
  QualifiedName,
  RenameTableOp,
  Table,
  UniqueConstraint,
  toTable,
  type OpNode,
} from "@autogen/core";
import { getDialect, type Connection, type DialectName } from "../src/index";
import { dialectsUnderTest, useDatabase } from "../src/testing";

const users = QualifiedName.create("User");
const orders = QualifiedName.create("order");
const renamed = QualifiedName.create('Order "Items"');

const userTable = toTable(
  "User",
  [
    { name: "id", type: "integer", primaryKey: true, autoIncrement: true },
    { name: "select", type: "varchar(50)", nullable: false, default: "'x'", comment: "what's picked" },
  ],
  { uniques: [{ name: "uq_User_select", columns: ["select"] }], comment: "people" },
);

const orderTable = toTable(
  "order",
  [
    { name: "id", type: "integer", primaryKey: true },
    { name: "user", type: "integer", nullable: false },
    { name: 'say "hi"', type: "varchar(20)", default: "'hello'" },
    { name: "from", type: "integer", nullable: false, default: "1" },
  ],
  {
    foreignKeys: [
      { name: "fk_order_user", columns: ["user"], refTable: "User", refColumns: ["id"], onDelete: "CASCADE" },
    ],
    checks: [{ name: "ck_order_from", expression: "id > 0" }],
    indexes: [{ name: "ix_order_user", columns: ["user", { column: 'say "hi"', descending: true }] }],
  },
);

interface Step {
  readonly op: OpNode;
  /** The dialects this step runs on (default: all). */
  readonly on?: readonly DialectName[];
}

const SERVERS: readonly DialectName[] = ["postgres", "mysql"];

function scenario(d: DialectName, schemaName: string): Step[] {
  const intType = "integer";
  const qtyType = "bigint";
  const audit = QualifiedName.create("log", schemaName);
  return [
    { op: CreateEnumOp.create(Enum.create("Mood", ["sad", "it's ok"])), on: ["postgres"] },
    { op: AddEnumValueOp.create(QualifiedName.create("Mood"), "happy", { before: "sad" }), on: ["postgres"] },
    { op: CreateTableOp.create(userTable) },
    { op: CreateTableOp.create(orderTable) },
    {
      op: BulkInsertOp.create(users, [
        { id: 1, select: "O'Brien" },
        { id: 2, select: "back\\slash" },
      ]),
    },
    {
      op: BulkInsertOp.create(orders, [
        { id: 10, user: 1, from: 3 },
        { id: 11, user: 2, from: 4, 'say "hi"': "yo" },
      ]),
    },
    {
      op: ModifyTableOps.create(orders, [
        AddColumnOp.create(
          orders,
          Column.create("qty", intType, { nullable: false, default: "0", comment: "how many" }),
        ),
        CreateIndexOp.create(
          orders,
          Index.create("ix_order_qty", [IndexElement.column("qty", { descending: true })], { unique: false }),
        ),
      ]),
    },
    {
      op: AlterColumnOp.create(
        orders,
        "qty",
        { type: qtyType, nullable: true, default: "-1" },
        { type: intType, nullable: false, default: "0", comment: "how many" },
      ),
      on: SERVERS,
    },
    {
      op: AlterColumnOp.create(
        orders,
        "qty",
        { name: "select" },
        { type: qtyType, nullable: true, default: "-1", comment: "how many" },
      ),
    },
    {
      op: CreateUniqueConstraintOp.create(orders, UniqueConstraint.create(["id", "select"], "uq_order_id_select")),
      on: SERVERS,
    },
    { op: CreateCheckConstraintOp.create(orders, CheckConstraint.create("id > 0", "ck_order_id")), on: SERVERS },
    {
      op: CreateForeignKeyOp.create(
        orders,
        ForeignKey.create({
          name: "fk_order_user2",
          columns: ["user"],
          refTable: "User",
          refColumns: ["id"],
          onUpdate: "CASCADE",
        }),
      ),
      on: SERVERS,
    },
    {
      op: DropConstraintOp.create(orders, UniqueConstraint.create(["id", "select"], "uq_order_id_select")),
      on: SERVERS,
    },
    { op: DropConstraintOp.create(orders, CheckConstraint.create("id > 0", "ck_order_id")), on: SERVERS },
    {
      op: DropConstraintOp.create(
        orders,
        ForeignKey.create({ name: "fk_order_user2", columns: ["user"], refTable: "User", refColumns: ["id"] }),
      ),
      on: SERVERS,
    },
    { op: CreateTableCommentOp.create(orders, "orders' table"), on: SERVERS },
    { op: DropTableCommentOp.create(orders, "orders' table"), on: SERVERS },
    { op: CreateTableCommentOp.create(orders, "all orders"), on: SERVERS },
    { op: RenameTableOp.create(orders, renamed.name) },
    { op: DropIndexOp.create(renamed, Index.create("ix_order_qty", [IndexElement.column("select")])) },
    { op: DropColumnOp.create(renamed, Column.create("from", "integer")) },
    { op: ExecuteSQLOp.create(`UPDATE ${getDialect(d).quote(renamed.name)} SET ${getDialect(d).quote("select")} = 5`) },
    { op: CreateSchemaOp.create(schemaName), on: SERVERS },
    {
      op: CreateTableOp.create(
        Table.create(audit.name, [Column.create("n", "integer", { nullable: false })], {
          schema: schemaName,
          primaryKey: PrimaryKey.create(["n"]),
        }),
      ),
      on: SERVERS,
    },
    { op: DropTableOp.create(Table.create(audit.name, [], { schema: schemaName })), on: SERVERS },
    { op: DropConstraintOp.create(users, UniqueConstraint.create(["select"], "uq_User_select")), on: SERVERS },
    {
      op: CreateTableOp.create(Table.create("pk_test", [Column.create("a", "integer", { nullable: false })])),
      on: SERVERS,
    },
    {
      op: CreatePrimaryKeyOp.create(QualifiedName.create("pk_test"), PrimaryKey.create(["a"], "pk_test_pkey")),
      on: SERVERS,
    },
    {
      op: DropConstraintOp.create(QualifiedName.create("pk_test"), PrimaryKey.create(["a"], "pk_test_pkey")),
      on: SERVERS,
    },
    { op: DropTableOp.create(Table.create("pk_test", [])), on: SERVERS },
    { op: DropSchemaOp.create(schemaName), on: SERVERS },
  ];
}

async function run(conn: Connection, d: DialectName, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    if (step.on && !step.on.includes(d)) continue;
    for (const sql of getDialect(d).createDdlCompiler().compile(step.op)) {
      await conn.query(sql);
    }
  }
}

describe("DDL runs on the real databases", () => {
  for (const d of dialectsUnderTest()) {
    it(`${d}: every op kind of the scenario executes, and the data survives`, async (t) => {
      const db = await useDatabase(t, d);
      if (!db) return;
      const conn = await db.connect();
      const q = getDialect(d).quote;
      // A MySQL schema is a database on the server: named after the test database so it is unique.
      const schemaName = d === "mysql" ? `${new URL(db.url).pathname.slice(1)}_Audit` : "Audit Log";
      t.after(async () => {
        if (d === "mysql") await conn.query(`DROP DATABASE IF EXISTS ${q(schemaName)}`);
      });
      await run(conn, d, scenario(d, schemaName));

      const { rows } = await conn.query<Record<string, unknown>>(
        `SELECT * FROM ${q(renamed.name)} ORDER BY ${q("id")}`,
      );
      assert.deepEqual(
        rows.map((r) => ({ ...r, select: Number(r.select) })),
        [
          { id: 10, user: 1, 'say "hi"': "hello", select: 5 },
          { id: 11, user: 2, 'say "hi"': "yo", select: 5 },
        ],
      );
      const people = await conn.query<{ select: string }>(
        `SELECT ${q("select")} FROM ${q("User")} ORDER BY ${q("id")}`,
      );
      assert.deepEqual(
        people.rows.map((r) => r.select),
        ["O'Brien", "back\\slash"],
      );

      // The ON DELETE CASCADE foreign key came through the rename.
      if (d === "sqlite") await conn.query("PRAGMA foreign_keys = ON");
      await conn.query(`DELETE FROM ${q("User")} WHERE ${q("id")} = 1`);
      const left = await conn.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${q(renamed.name)}`);
      assert.equal(Number(left.rows[0].n), 1);
      if (d === "sqlite") await conn.query("PRAGMA foreign_keys = OFF");

      if (d === "postgres") {
        const c = await conn.query<{ t: string; c: string; e: string[] | string }>(
          `SELECT obj_description('"Order ""Items"""'::regclass, 'pg_class') AS t, col_description('"Order ""Items"""'::regclass, 5) AS c, enum_range(NULL::"Mood")::text[] AS e`,
        );
        assert.equal(c.rows[0].t, "all orders");
        assert.equal(c.rows[0].c, "how many");
        assert.deepEqual(c.rows[0].e, ["happy", "sad", "it's ok"]);
      }
      if (d === "mysql") {
        const c = await conn.query<{ t: string; c: string }>(
          `SELECT t.table_comment AS t, c.column_comment AS c FROM information_schema.tables t JOIN information_schema.columns c
             ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'select'
           WHERE t.table_schema = DATABASE() AND t.table_name = ?`,
          [renamed.name],
        );
        assert.deepEqual({ ...c.rows[0] }, { t: "all orders", c: "how many" });
      }

      await run(conn, d, [
        { op: DropTableOp.create(Table.create(renamed.name, [])) },
        { op: DropTableOp.create(userTable) },
        { op: DropEnumOp.create(Enum.create("Mood", [])), on: ["postgres"] },
      ]);
    });
  }
});

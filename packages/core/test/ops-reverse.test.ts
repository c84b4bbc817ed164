import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AddColumnOp,
  AlterColumnOp,
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
  DropTableCommentOp,
  Enum,
  ExecuteSQLOp,
  ForeignKey,
  Index,
  IndexElement,
  ModifyTableOps,
  NotReversibleError,
  PrimaryKey,
  QualifiedName,
  RenameTableOp,
  UniqueConstraint,
  UpgradeOps,
  fromTable,
  reverseOp,
  reverseUpgradeOps,
  toTable,
  type OpNode,
} from "../src/index";

const t = QualifiedName.create("account");
const table = toTable(
  "account",
  [
    { name: "id", type: "integer", primaryKey: true },
    { name: "email", type: "varchar(200)", nullable: false, default: "''", comment: "login" },
    { name: "owner_id", type: "integer" },
  ],
  {
    uniques: [{ name: "UQ_email", columns: ["email"] }],
    foreignKeys: [
      { name: "FK_owner", columns: ["owner_id"], refTable: "owner", refColumns: ["id"], onDelete: "CASCADE" },
    ],
    checks: [{ name: "CK_email", expression: "email <> ''" }],
    indexes: [
      { name: "IDX_owner", columns: [{ column: "owner_id", descending: true }], where: "owner_id IS NOT NULL" },
    ],
    comment: "accounts",
  },
);

/** Every reversible op kind, for the round-trip test. */
const OPS: OpNode[] = [
  CreateTableOp.create(table),
  RenameTableOp.create(t, "accounts"),
  AddColumnOp.create(t, Column.create("overdrawn", "boolean", { default: "false" })),
  CreateIndexOp.create(
    t,
    Index.create("IDX_x", [IndexElement.column("email"), IndexElement.expression("lower(email)")], { unique: true }),
  ),
  CreateUniqueConstraintOp.create(
    t,
    UniqueConstraint.create(["email"], "UQ_x", { deferrable: true, initially: "DEFERRED" }),
  ),
  CreateForeignKeyOp.create(
    t,
    ForeignKey.create({ name: "FK_x", columns: ["owner_id"], refTable: "owner", refColumns: ["id"] }),
  ),
  CreateCheckConstraintOp.create(t, CheckConstraint.create("id > 0", "CK_x")),
  CreatePrimaryKeyOp.create(t, PrimaryKey.create(["id"], "PK_x")),
  CreateTableCommentOp.create(t, "new", "old"),
  CreateTableCommentOp.create(t, "first"),
  DropTableCommentOp.create(t, "gone"),
  CreateEnumOp.create(Enum.create("mood", ["sad", "ok"])),
  CreateSchemaOp.create("audit"),
  ExecuteSQLOp.create("UPDATE t SET x = 1", "UPDATE t SET x = 0"),
  AlterColumnOp.create(
    t,
    "email",
    { type: "varchar(300)", nullable: true, name: "mail" },
    { type: "varchar(200)", nullable: false },
  ),
  ModifyTableOps.create(t, [
    AddColumnOp.create(t, Column.create("a", "integer")),
    CreateIndexOp.create(t, Index.create("IDX_a", [IndexElement.column("a")])),
  ]),
];

describe("core: every op reverses, and reversing twice gives the op back", () => {
  for (const op of OPS) {
    it(op.kind, () => {
      const back = reverseOp(op);
      assert.notEqual(back, op);
      assert.deepEqual(reverseOp(back), op);
      assert.ok(Object.isFrozen(back), "reversed ops are frozen");
    });
  }

  it("a dropped table, column or constraint carries the whole object, so the downgrade recreates it", () => {
    const drop = CreateTableOp.reverse(CreateTableOp.create(table));
    assert.equal(drop.table, table);
  });

  it("AlterColumnOp.reverse swaps the changes with the existing values, rename included", () => {
    const op = AlterColumnOp.create(
      t,
      "email",
      { type: "varchar(300)", default: null, name: "mail" },
      { type: "varchar(200)", default: "''", nullable: false },
    );
    const back = AlterColumnOp.reverse(op);
    assert.equal(back.column, "mail");
    assert.deepEqual(back.modify, { type: "varchar(200)", default: "''", name: "email" });
    assert.deepEqual(back.existing, { type: "varchar(300)", default: null, nullable: false });
  });

  it("the downgrade of an upgrade is each op reversed, in reverse order", () => {
    const up = UpgradeOps.create([CreateSchemaOp.create("a"), CreateSchemaOp.create("b")]);
    assert.deepEqual(
      reverseUpgradeOps(up).ops.map((o) => (o as unknown as { name: string }).name),
      ["b", "a"],
    );
  });

  it("raw SQL without a reverse statement is not reversible: an error, never a silent no-op", () => {
    assert.throws(() => reverseOp(ExecuteSQLOp.create("DELETE FROM t")), NotReversibleError);
  });
});

describe("core: revision-file inputs convert both ways", () => {
  it("fromTable(toTable(...)) gives the same Table back", () => {
    const [name, columns, options] = fromTable(table);
    assert.deepEqual(toTable(name, columns, options), table);
  });

  it("primary-key columns default to NOT NULL, others to NULL (Alembic's defaults)", () => {
    assert.equal(table.columns[0]!.nullable, false);
    assert.equal(table.columns[2]!.nullable, true);
    assert.deepEqual(table.primaryKey, PrimaryKey.create(["id"]));
  });

  it("a named or reordered primary key is spelled out in the options", () => {
    const named = toTable(
      "t",
      [
        { name: "a", type: "int" },
        { name: "b", type: "int" },
      ],
      { primaryKey: { name: "PK_t", columns: ["b", "a"] } },
    );
    const [, columns, options] = fromTable(named);
    assert.deepEqual(options.primaryKey, { name: "PK_t", columns: ["b", "a"] });
    assert.ok(columns.every((c) => c.primaryKey === undefined));
  });
});

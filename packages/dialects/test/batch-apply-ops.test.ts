/* applyOpsToTable (core): the table model a batch recreates. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AlterColumnOp,
  applyOpsToTable,
  CheckConstraint,
  Column,
  CreatePrimaryKeyOp,
  CreateTableCommentOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropIndexOp,
  DropTableCommentOp,
  Index,
  IndexElement,
  PrimaryKey,
  QualifiedName,
  RenameTableOp,
  toTable,
  UniqueConstraint,
  UnsupportedOpError,
} from "@autogen/core";

const name = QualifiedName.create("node");
const node = toTable(
  "node",
  [
    { name: "id", type: "integer", primaryKey: true },
    { name: "parent", type: "integer" },
    { name: "label", type: "text" },
  ],
  {
    uniques: [{ name: "uq_label", columns: ["label"] }],
    foreignKeys: [{ name: "fk_parent", columns: ["parent"], refTable: "node", refColumns: ["id"] }],
    checks: [{ name: "ck_label", expression: "length(label) > 0" }, { expression: "id > 0" }],
    indexes: [
      { name: "ix_parent_label", columns: ["parent", "label"] },
      { name: "ix_label", columns: [{ column: "label", descending: true }] },
    ],
  },
);

describe("applyOpsToTable", () => {
  it("follows a column rename into the key, indexes, uniques and self-referencing foreign keys", () => {
    const t = applyOpsToTable(node, [AlterColumnOp.create(name, "id", { name: "node_id", type: "bigint" })]);
    assert.deepEqual(
      t.columns.map((c) => [c.name, c.type]),
      [
        ["node_id", "bigint"],
        ["parent", "integer"],
        ["label", "text"],
      ],
    );
    assert.deepEqual(t.primaryKey?.columns, ["node_id"]);
    assert.deepEqual(t.foreignKeys[0].refColumns, ["node_id"]);
    const t2 = applyOpsToTable(node, [AlterColumnOp.create(name, "label", { name: "title" })]);
    assert.deepEqual(
      t2.indexes.map((i) => Index.columnNames(i)),
      [["parent", "title"], ["title"]],
    );
    assert.equal(t2.indexes[1].elements[0].descending, true);
    assert.deepEqual(t2.uniques[0].columns, ["title"]);
  });

  it("drops the indexes and constraints that name a dropped column, as the database would", () => {
    const t = applyOpsToTable(node, [DropColumnOp.create(name, Column.create("label", "text"))]);
    assert.deepEqual(
      t.columns.map((c) => c.name),
      ["id", "parent"],
    );
    assert.deepEqual(t.indexes, []);
    assert.deepEqual(t.uniques, []);
    assert.equal(t.foreignKeys.length, 1);
    const t2 = applyOpsToTable(node, [DropColumnOp.create(name, Column.create("parent", "integer"))]);
    assert.deepEqual(t2.foreignKeys, []);
    assert.deepEqual(
      t2.indexes.map((i) => i.name),
      ["ix_label"],
    );
  });

  it("drops constraints by name whatever kind the op says, and unnamed ones by their definition", () => {
    const t = applyOpsToTable(node, [
      DropConstraintOp.create(name, UniqueConstraint.create([], "fk_parent")),
      DropConstraintOp.create(name, CheckConstraint.create("id > 0")),
      DropIndexOp.create(name, Index.create("ix_label", [IndexElement.column("label")])),
    ]);
    assert.deepEqual(t.foreignKeys, []);
    assert.deepEqual(
      t.checks.map((c) => c.name),
      ["ck_label"],
    );
    assert.deepEqual(
      t.indexes.map((i) => i.name),
      ["ix_parent_label"],
    );
    assert.equal(t.uniques.length, 1);
  });

  it("a new primary key makes its columns NOT NULL; comments and uniques are set", () => {
    const t = applyOpsToTable(node, [
      DropConstraintOp.create(name, PrimaryKey.create(["id"])),
      CreatePrimaryKeyOp.create(name, PrimaryKey.create(["parent", "id"], "pk_node")),
      CreateUniqueConstraintOp.create(name, UniqueConstraint.create(["parent"], "uq_parent")),
      CreateTableCommentOp.create(name, "tree"),
    ]);
    assert.deepEqual(t.primaryKey, PrimaryKey.create(["parent", "id"], "pk_node"));
    assert.deepEqual(
      t.columns.map((c) => c.nullable),
      [false, false, true],
    );
    assert.deepEqual(
      t.uniques.map((u) => u.name),
      ["uq_label", "uq_parent"],
    );
    assert.equal(t.comment, "tree");
    assert.equal(applyOpsToTable(t, [DropTableCommentOp.create(name, "tree")]).comment, null);
    assert.ok(Object.isFrozen(t) && Object.isFrozen(t.columns));
  });

  it("refuses ops that are not a change of the table definition", () => {
    assert.throws(() => applyOpsToTable(node, [RenameTableOp.create(name, "tree")]), UnsupportedOpError);
    assert.throws(
      () => applyOpsToTable(node, [AlterColumnOp.create(name, "nope", { nullable: false })]),
      UnsupportedOpError,
    );
  });

  it("leaves the input table untouched", () => {
    applyOpsToTable(node, [DropColumnOp.create(name, Column.create("label", "text"))]);
    assert.equal(node.columns.length, 3);
    assert.equal(node.foreignKeys.length, 1);
  });
});

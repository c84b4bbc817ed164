import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AddColumnOp,
  AlterColumnOp,
  BatchAlterTableOp,
  Column,
  CreateIndexOp,
  CreateTableOp,
  DropIndexOp,
  DropTableOp,
  Index,
  IndexElement,
  MigrationScript,
  ModifyTableOps,
  QualifiedName,
  reverseUpgradeOps,
  Table,
  UpgradeOps,
  type OpNode,
} from "@autogen/core";
import { renderOps, Rewriter, toProcessRevisionDirectives } from "../src/index";

const t = QualifiedName.create("accounts");
const script = (ops: OpNode[]): MigrationScript => {
  const upgradeOps = UpgradeOps.create(ops);
  return MigrationScript.create({ revId: "aaaaaaaaaaaa", upgradeOps, downgradeOps: reverseUpgradeOps(upgradeOps) });
};

/** Alembic's documented example: add a NOT NULL column as nullable, then alter it to NOT NULL. */
const splitNotNull = new Rewriter().rewrites<AddColumnOp>("AddColumnOp", (_ctx, _rev, op) => {
  if (op.column.nullable) return op;
  return [
    AddColumnOp.create(op.table, Column.cloneWith(op.column, { nullable: true })),
    AlterColumnOp.create(op.table, op.column.name, { nullable: false }, { type: op.column.type, nullable: true }),
  ];
});

describe("Rewriter", () => {
  it("splits a NOT NULL AddColumnOp into add-nullable + alter-to-not-null, and regenerates the downgrade", () => {
    const s = script([
      ModifyTableOps.create(t, [
        AddColumnOp.create(t, Column.create("code", "varchar(10)", { nullable: false })),
        AddColumnOp.create(t, Column.create("note", "text")),
      ]),
    ]);
    const out = splitNotNull.rewriteScript(null, null, s);
    assert.deepEqual(renderOps(out.upgradeOps.ops), [
      'await op.addColumn("accounts", { name: "code", type: "varchar(10)", nullable: true });',
      'await op.alterColumn("accounts", "code", { nullable: false, existingType: "varchar(10)" });',
      'await op.addColumn("accounts", { name: "note", type: "text", nullable: true });',
    ]);
    assert.deepEqual(renderOps(out.downgradeOps.ops), [
      'await op.dropColumn("accounts", "note", { existing: { name: "note", type: "text", nullable: true } });',
      'await op.alterColumn("accounts", "code", { nullable: true, existingType: "varchar(10)" });',
      'await op.dropColumn("accounts", "code", { existing: { name: "code", type: "varchar(10)", nullable: true } });',
    ]);
    assert.ok(Object.isFrozen(out) && Object.isFrozen(out.upgradeOps.ops));
    // The input script is untouched.
    assert.equal((s.upgradeOps.ops[0] as ModifyTableOps).ops.length, 2);
  });

  it("returns the same script object when nothing matched, keeping a hand-made downgrade", () => {
    const s = script([ModifyTableOps.create(t, [AddColumnOp.create(t, Column.create("note", "text"))])]);
    assert.equal(splitNotNull.rewriteScript(null, null, s), s);
  });

  it("drops ops returned as null or [] and removes a table left with nothing to do", () => {
    const idx = Index.create("IDX_a", [IndexElement.column("a")]);
    const s = script([
      ModifyTableOps.create(t, [CreateIndexOp.create(t, idx)]),
      ModifyTableOps.create(QualifiedName.create("b"), [
        AddColumnOp.create(QualifiedName.create("b"), Column.create("x", "int")),
      ]),
    ]);
    const noIndexes = new Rewriter().rewrites("CreateIndexOp", () => null);
    const noColumns = new Rewriter().rewrites("AddColumnOp", () => []);
    assert.deepEqual(
      noIndexes.rewriteScript(null, null, s).upgradeOps.ops.map((o) => (o as ModifyTableOps).table.name),
      ["b"],
    );
    assert.deepEqual(noIndexes.chain(noColumns).rewriteScript(null, null, s).upgradeOps.ops, []);
  });

  it("walks into batch blocks", () => {
    const s = script([
      BatchAlterTableOp.create(t, [AddColumnOp.create(t, Column.create("code", "int", { nullable: false }))]),
    ]);
    const out = splitNotNull.rewriteScript(null, null, s);
    assert.deepEqual(
      (out.upgradeOps.ops[0] as BatchAlterTableOp).ops.map((o) => o.kind),
      ["AddColumnOp", "AlterColumnOp"],
    );
  });

  it("does not re-process ops it produced, while a chained rewriter sees them", () => {
    let calls = 0;
    const loop = new Rewriter().rewrites<AddColumnOp>("AddColumnOp", (_c, _r, op) => {
      calls++;
      return [op, AddColumnOp.create(op.table, Column.cloneWith(op.column, { name: `${op.column.name}_copy` }))];
    });
    const s = script([ModifyTableOps.create(t, [AddColumnOp.create(t, Column.create("a", "int"))])]);
    const once = loop.rewriteScript(null, null, s);
    assert.equal(calls, 1);
    assert.deepEqual(
      (once.upgradeOps.ops[0] as ModifyTableOps).ops.map((o) => (o as AddColumnOp).column.name),
      ["a", "a_copy"],
    );
    const twice = loop.chain(loop).rewriteScript(null, null, s);
    assert.deepEqual(
      (twice.upgradeOps.ops[0] as ModifyTableOps).ops.map((o) => (o as AddColumnOp).column.name),
      ["a", "a_copy", "a_copy", "a_copy_copy"],
    );
  });

  it("rewrites the downgrade tree itself when a rewrite targets it, instead of regenerating it", () => {
    const s = script([ModifyTableOps.create(t, [AddColumnOp.create(t, Column.create("a", "int"))])]);
    const seen: string[] = [];
    const keepColumnOnDowngrade = new Rewriter()
      .rewrites(
        "DropColumnOp",
        (_c, _r, op) => {
          seen.push(op.kind);
          return null;
        },
        { target: "downgrade" },
      )
      .rewrites<AddColumnOp>("AddColumnOp", (_c, _r, op) =>
        AddColumnOp.create(op.table, Column.cloneWith(op.column, { comment: "added" })),
      );
    const out = keepColumnOnDowngrade.rewriteScript(null, null, s);
    assert.deepEqual(seen, ["DropColumnOp"]);
    assert.equal(((out.upgradeOps.ops[0] as ModifyTableOps).ops[0] as AddColumnOp).column.comment, "added");
    assert.deepEqual(out.downgradeOps.ops, []);
  });

  it("works as processRevisionDirectives on a mutable array of frozen scripts", () => {
    const s = script([
      ModifyTableOps.create(t, [AddColumnOp.create(t, Column.create("code", "int", { nullable: false }))]),
    ]);
    const directives = [s];
    const hook = toProcessRevisionDirectives(splitNotNull);
    hook({ dialect: "sqlite" }, ["base"], directives);
    assert.notEqual(directives[0], s);
    assert.equal(((directives[0] as MigrationScript).upgradeOps.ops[0] as ModifyTableOps).ops.length, 2);
  });
});

describe("cookbook recipes", () => {
  it("no file for an empty autogenerate: processRevisionDirectives empties directives", async () => {
    const emptyAfterRewrite = script([
      ModifyTableOps.create(t, [CreateIndexOp.create(t, Index.create("IDX_a", [IndexElement.column("a")]))]),
    ]);
    const dropIndexes = new Rewriter().rewrites("CreateIndexOp", () => null);
    const processRevisionDirectives = (
      context: unknown,
      revision: string | readonly string[] | null,
      directives: MigrationScript[],
    ): void => {
      dropIndexes.processRevisionDirectives(context, revision, directives);
      if (directives[0] && MigrationScript.isEmpty(directives[0])) directives.length = 0;
    };
    const directives = [emptyAfterRewrite];
    processRevisionDirectives(null, null, directives);
    assert.equal(directives.length, 0);
    const nonEmpty = [script([ModifyTableOps.create(t, [AddColumnOp.create(t, Column.create("a", "int"))])])];
    processRevisionDirectives(null, null, nonEmpty);
    assert.equal(nonEmpty.length, 1);
  });

  it("no DROP INDEX for tables being dropped", () => {
    const idx = Index.create("IDX_old_a", [IndexElement.column("a")]);
    const old = Table.create("old", [Column.create("a", "int")], { indexes: [idx] });
    const keep = QualifiedName.create("keep");
    const keepIdx = Index.create("IDX_keep", [IndexElement.column("b")]);
    // Alembic's shape: the indexes of a dropped table are dropped first, then the table.
    const s = script([
      ModifyTableOps.create(QualifiedName.create("old"), [DropIndexOp.create(QualifiedName.create("old"), idx)]),
      DropTableOp.create(old),
      ModifyTableOps.create(keep, [DropIndexOp.create(keep, keepIdx)]),
    ]);
    const droppedTables = (ms: MigrationScript): Set<string> =>
      new Set(ms.upgradeOps.ops.filter(DropTableOp.is).map((op) => `${op.table.schema ?? ""}.${op.table.name}`));
    const writer = new Rewriter().rewrites<DropIndexOp>("DropIndexOp", (_c, _r, op, ms) =>
      droppedTables(ms).has(`${op.table.schema ?? ""}.${op.table.name}`) ? null : op,
    );
    const out = writer.rewriteScript(null, null, s);
    assert.deepEqual(renderOps(out.upgradeOps.ops), [
      'await op.dropTable("old");',
      'await op.dropIndex("IDX_keep", "keep");',
    ]);
    // The downgrade recreates the table with its index inline.
    assert.deepEqual(renderOps(out.downgradeOps.ops).slice(0, 1), ['await op.createIndex("IDX_keep", "keep", ["b"]);']);
    assert.ok(renderOps(out.downgradeOps.ops).includes('      { name: "IDX_old_a", columns: ["a"] },'));
  });

  it("a custom column order in CREATE TABLE", () => {
    const table = Table.create("post", [
      Column.create("created_at", "timestamp", { nullable: false }),
      Column.create("title", "text"),
      Column.create("id", "integer", { nullable: false }),
      Column.create("updated_at", "timestamp", { nullable: false }),
    ]);
    const rank = (c: Column): number =>
      c.name === "id" ? 0 : c.name === "created_at" || c.name === "updated_at" ? 2 : 1;
    const writer = new Rewriter().rewrites<CreateTableOp>("CreateTableOp", (_c, _r, op) =>
      CreateTableOp.create(
        Table.cloneWith(op.table, { columns: [...op.table.columns].sort((a, b) => rank(a) - rank(b)) }),
      ),
    );
    const out = writer.rewriteScript(null, null, script([CreateTableOp.create(table)]));
    assert.deepEqual(
      (out.upgradeOps.ops[0] as CreateTableOp).table.columns.map((c) => c.name),
      ["id", "title", "created_at", "updated_at"],
    );
    assert.equal((out.downgradeOps.ops[0] as DropTableOp).table.columns[0]?.name, "id");
  });
});

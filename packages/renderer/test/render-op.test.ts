import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AddColumnOp,
  AlterColumnOp,
  CheckConstraint,
  Column,
  CreateTableOp,
  DropColumnOp,
  DropConstraintOp,
  ExecuteSQLOp,
  ForeignKey,
  ModifyTableOps,
  QualifiedName,
  Table,
  UnsupportedOpError,
  type BuiltinOpKind,
  type OpNode,
} from "@autogen/core";
import { createRenderContext, lit, registerRenderer, renderOp, renderOps } from "../src/index";
import { accounts, GOLDEN, overdrawn, ownerFk, nameIndex, billingAccounts } from "./op-fixtures";
import {
  CreateIndexOp,
  DropIndexOp,
  CreateUniqueConstraintOp,
  UniqueConstraint,
  CreateForeignKeyOp,
  CreateCheckConstraintOp,
  CreatePrimaryKeyOp,
  PrimaryKey,
  CreateTableCommentOp,
  RenameConstraintOp,
  RenameIndexOp,
} from "@autogen/core";

/** Compile-time check that the golden table below names every built-in op kind. */
const EVERY_KIND: Record<BuiltinOpKind, true> = {
  CreateTableOp: true,
  DropTableOp: true,
  RenameTableOp: true,
  RenameIndexOp: true,
  RenameConstraintOp: true,
  RenameEnumValueOp: true,
  AddColumnOp: true,
  DropColumnOp: true,
  AlterColumnOp: true,
  CreateIndexOp: true,
  DropIndexOp: true,
  CreateUniqueConstraintOp: true,
  CreateForeignKeyOp: true,
  CreateCheckConstraintOp: true,
  CreateExclusionConstraintOp: true,
  CreatePrimaryKeyOp: true,
  DropConstraintOp: true,
  CreateTableCommentOp: true,
  DropTableCommentOp: true,
  ExecuteSQLOp: true,
  BulkInsertOp: true,
  CreateEnumOp: true,
  DropEnumOp: true,
  AddEnumValueOp: true,
  RecreateEnumOp: true,
  CreateExtensionOp: true,
  DropExtensionOp: true,
  CreateSchemaOp: true,
  DropSchemaOp: true,
  CreateViewOp: true,
  DropViewOp: true,
  ReplaceViewOp: true,
  BatchAlterTableOp: true,
  ModifyTableOps: true,
};

const render = (op: OpNode, o: { renderAsBatch?: boolean } = {}): string[] => renderOps([op], o);

describe("renderer: one golden per op kind", () => {
  it("covers every built-in op kind", () => {
    assert.deepEqual(GOLDEN.map((g) => g.name).sort(), Object.keys(EVERY_KIND).sort());
    for (const g of GOLDEN) assert.equal(g.op.kind, g.name);
  });
  for (const g of GOLDEN) {
    it(g.name, () => assert.deepEqual(render(g.op), g.expected));
  }
});

describe("renderer: batch mode", () => {
  const t = QualifiedName.create("accounts");
  it("renders every batchable op kind without the table name, matching BatchOperations", () => {
    const ops = [
      AddColumnOp.create(t, overdrawn),
      DropColumnOp.create(t, Column.create("pw", "text")),
      AlterColumnOp.create(t, "name", { nullable: false }, { type: "varchar(50)", nullable: true }),
      CreateIndexOp.create(t, nameIndex),
      DropIndexOp.create(t, nameIndex),
      CreateUniqueConstraintOp.create(t, UniqueConstraint.create(["name"], "UQ_n")),
      CreateForeignKeyOp.create(t, ownerFk),
      CreateCheckConstraintOp.create(t, CheckConstraint.create("id > 0", "CK_id")),
      CreatePrimaryKeyOp.create(t, PrimaryKey.create(["id"], "PK_a")),
      DropConstraintOp.create(t, ownerFk),
      RenameIndexOp.create(t, nameIndex, "IDX_n"),
      RenameConstraintOp.create(t, UniqueConstraint.create(["name"], "UQ_n"), "UQ_name"),
      RenameConstraintOp.create(t, ownerFk, "FK_owner"),
    ];
    assert.deepEqual(render(ModifyTableOps.create(t, ops), { renderAsBatch: true }), [
      'await op.batchAlterTable("accounts", async (batch) => {',
      '  await batch.addColumn({ name: "overdrawn", type: "boolean", nullable: true });',
      '  await batch.dropColumn("pw", { existing: { name: "pw", type: "text", nullable: true } });',
      '  await batch.alterColumn("name", { nullable: false, existingType: "varchar(50)" });',
      '  await batch.createIndex("IDX_name", ["name"], { unique: true, where: "name IS NOT NULL" });',
      '  await batch.dropIndex("IDX_name");',
      '  await batch.createUniqueConstraint("UQ_n", ["name"]);',
      '  await batch.createForeignKey("FK_x", "user", ["owner_id"], ["id"], { onDelete: "SET NULL", deferrable: true, initially: "DEFERRED" });',
      '  await batch.createCheckConstraint("CK_id", "id > 0");',
      '  await batch.createPrimaryKey("PK_a", ["id"]);',
      '  await batch.dropConstraint("FK_x", { type: "foreignkey" });',
      '  await batch.renameIndex("IDX_name", "IDX_n", ["name"], { unique: true, where: "name IS NOT NULL" });',
      '  await batch.renameUniqueConstraint("UQ_n", "UQ_name", ["name"]);',
      '  await batch.renameForeignKey("FK_x", "FK_owner", "user", ["owner_id"], ["id"], { onDelete: "SET NULL", deferrable: true, initially: "DEFERRED" });',
      "});",
    ]);
  });

  it("keeps create/drop table and ops a batch cannot hold at the top level, in order", () => {
    const table = Table.create("t", [Column.create("id", "integer", { nullable: false })]);
    const lines = renderOps(
      [
        CreateTableOp.create(table),
        ModifyTableOps.create(t, [
          AddColumnOp.create(t, overdrawn),
          CreateTableCommentOp.create(t, "c"),
          DropIndexOp.create(t, nameIndex),
        ]),
      ],
      { renderAsBatch: true },
    );
    assert.deepEqual(lines, [
      "await op.createTable(",
      '  "t",',
      "  [",
      '    { name: "id", type: "integer", nullable: false },',
      "  ],",
      ");",
      'await op.batchAlterTable("accounts", async (batch) => {',
      '  await batch.addColumn({ name: "overdrawn", type: "boolean", nullable: true });',
      "});",
      'await op.createTableComment("accounts", "c");',
      'await op.batchAlterTable("accounts", async (batch) => {',
      '  await batch.dropIndex("IDX_name");',
      "});",
    ]);
  });

  it("passes the schema to batchAlterTable, not to the batch calls", () => {
    assert.deepEqual(
      render(ModifyTableOps.create(billingAccounts, [AddColumnOp.create(billingAccounts, overdrawn)]), {
        renderAsBatch: true,
      }),
      [
        'await op.batchAlterTable("accounts", async (batch) => {',
        '  await batch.addColumn({ name: "overdrawn", type: "boolean", nullable: true });',
        '}, { schema: "billing" });',
      ],
    );
  });

  it("refuses an op a batch block cannot hold instead of dropping it", () => {
    const ctx = createRenderContext();
    const op = {
      kind: "BatchAlterTableOp",
      table: accounts,
      ops: [ExecuteSQLOp.create("SELECT 1")],
      recreate: "auto",
    } as OpNode;
    assert.throws(() => renderOp(ctx, op), UnsupportedOpError);
  });
});

describe("renderer: alterColumn", () => {
  it("writes what changes first, then existing hints only for unchanged aspects", () => {
    const op = AlterColumnOp.create(
      billingAccounts,
      "amount",
      { type: "numeric(10,2)", nullable: true },
      { type: "numeric(8,2)", nullable: false, default: "0", comment: "money", autoIncrement: false, onUpdate: null },
    );
    assert.deepEqual(render(op), [
      'await op.alterColumn("accounts", "amount", { type: "numeric(10,2)", nullable: true, existingType: "numeric(8,2)", existingDefault: "0", existingComment: "money", schema: "billing" });',
    ]);
  });

  it("renders a dropped default as null, a rename as newName, and the rest of the existing column", () => {
    const op = AlterColumnOp.create(
      accounts,
      "updated",
      { default: null, name: "updated_at" },
      {
        type: "datetime",
        nullable: false,
        default: "CURRENT_TIMESTAMP",
        onUpdate: "CURRENT_TIMESTAMP",
        autoIncrement: false,
      },
    );
    assert.deepEqual(render(op), [
      'await op.alterColumn("accounts", "updated", { default: null, newName: "updated_at", existingType: "datetime", existingNullable: false, existing: { onUpdate: "CURRENT_TIMESTAMP" } });',
    ]);
  });

  it("renders identity changes in the column-input shape", () => {
    const op = AlterColumnOp.create(
      accounts,
      "id",
      { identity: { always: true, start: 10, increment: null } },
      { type: "integer", identity: null },
    );
    assert.deepEqual(render(op), [
      'await op.alterColumn("accounts", "id", { identity: { always: true, start: 10 }, existingType: "integer" });',
    ]);
  });
});

describe("renderer: hooks and registrations", () => {
  it("identifies a constraint with no name by its columns or expression", () => {
    const fk = ForeignKey.create({ columns: ["owner_id"], refTable: "user", refColumns: ["id"] });
    assert.deepEqual(render(DropConstraintOp.create(accounts, fk)), [
      'await op.dropConstraint(null, "accounts", { type: "foreignkey", columns: ["owner_id"] });',
    ]);
    assert.deepEqual(render(DropConstraintOp.create(accounts, CheckConstraint.create(`"qty" > 0`))), [
      'await op.dropConstraint(null, "accounts", { type: "check", expression: "\\"qty\\" > 0" });',
    ]);
  });

  it("renderItem replaces a column's type and default, and adds imports", () => {
    const ctx = createRenderContext({
      renderItem: (type, obj, c) => {
        if (type === "type" && obj === "uuid") {
          c.imports.add('import { uuidType } from "../types";');
          return "uuidType()";
        }
        if (type === "server_default" && obj === "gen_random_uuid()") return "DEFAULT_UUID";
        return false;
      },
    });
    const lines = renderOp(
      ctx,
      AddColumnOp.create(accounts, Column.create("uid", "uuid", { nullable: false, default: "gen_random_uuid()" })),
    );
    assert.deepEqual(lines, [
      'await op.addColumn("accounts", { name: "uid", type: uuidType(), nullable: false, default: DEFAULT_UUID });',
    ]);
    assert.deepEqual([...ctx.imports], ['import { uuidType } from "../types";']);
  });

  it("renderItem returning null or false keeps the default rendering; a string replaces a whole column", () => {
    const base = renderOps([
      CreateTableOp.create(Table.create("t", [Column.create("a", "integer"), Column.create("b", "text")])),
    ]);
    assert.deepEqual(
      renderOps(
        [CreateTableOp.create(Table.create("t", [Column.create("a", "integer"), Column.create("b", "text")]))],
        { renderItem: () => null },
      ),
      base,
    );
    const custom = renderOps(
      [CreateTableOp.create(Table.create("t", [Column.create("a", "integer"), Column.create("b", "text")]))],
      {
        renderItem: (type, obj) => (type === "column" && (obj as Column).name === "b" ? 'textColumn("b")' : false),
      },
    );
    assert.equal(custom[4], '    textColumn("b"),');
  });

  it("registerRenderer lets a custom op render itself", () => {
    registerRenderer("CreateSequenceOp", (_ctx, op) => [
      `await op.createSequence(${lit((op as unknown as { name: string }).name)}, ${lit((op as unknown as { start: number }).start)});`,
    ]);
    assert.deepEqual(render({ kind: "CreateSequenceOp", name: "seq", start: 5 } as OpNode), [
      'await op.createSequence("seq", 5);',
    ]);
  });

  it("an op kind with no renderer is an error, never skipped", () => {
    assert.throws(() => render({ kind: "MysteryOp" }), UnsupportedOpError);
  });
});

describe("lit", () => {
  it("prints JSON-style strings, numbers, arrays and objects with identifier keys bare", () => {
    assert.equal(
      lit({ a: 'x"y', "b-c": [1, true, null], d: undefined, e: { f: -0 } }),
      '{ a: "x\\"y", "b-c": [1, true, null], e: { f: 0 } }',
    );
    assert.equal(lit(new Date(Date.UTC(2026, 0, 2))), 'new Date("2026-01-02T00:00:00.000Z")');
    assert.throws(() => lit(Number.NaN), TypeError);
  });
});

it("a primary key reads the same on every database: one primaryKey option line, named or not, after the schema", () => {
  const columns = [Column.create("id", "integer", { nullable: false })];
  const named = Table.create("t", columns, { schema: "app", primaryKey: PrimaryKey.create(["id"], "PK_t") });
  const unnamed = Table.create("t", columns, { schema: "app", primaryKey: PrimaryKey.create(["id"]) });
  const render = (t: Table) => renderOp(createRenderContext(), CreateTableOp.create(t));
  assert.deepEqual(render(named), [
    "await op.createTable(",
    '  "t",',
    "  [",
    '    { name: "id", type: "integer", nullable: false },',
    "  ],",
    "  {",
    '    schema: "app",',
    '    primaryKey: { name: "PK_t", columns: ["id"] },',
    "  },",
    ");",
  ]);
  assert.deepEqual(
    render(unnamed).filter((l) => l.includes("primaryKey")),
    ['    primaryKey: { columns: ["id"] },'],
  );
});

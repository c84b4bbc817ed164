import {
  AddColumnOp,
  AlterColumnOp,
  CreateEnumOp,
  CreateExtensionOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateSchemaOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropEnumOp,
  DropIndexOp,
  DropTableOp,
  ModifyTableOps,
  RecreateEnumOp,
  UpgradeOps,
  compareText,
  type ForeignKey,
  type OpNode,
  type Table,
} from "@autogen/core";
import type { CompareContext } from "./compare-context";
import type { ModifyTableDraft, TableOpGroup } from "./drafts/modify-table-draft";
import type { UpgradeDraft } from "./drafts/upgrade-draft";
import { orderTables } from "./table-order";

const withoutForeignKeys = (t: Table, fks: readonly ForeignKey[]): Table =>
  fks.length ? { ...t, foreignKeys: t.foreignKeys.filter((f) => !fks.includes(f)) } : t;

/** One ModifyTableOps per table, in the order given, for ops that belong to several tables. */
function perTable(entries: readonly { table: Table; op: OpNode }[]): ModifyTableOps[] {
  const out: ModifyTableOps[] = [];
  for (const { table, op } of entries) {
    const last = out[out.length - 1];
    if (last && last.table.name === table.name && last.table.schema === table.schema)
      out[out.length - 1] = ModifyTableOps.create(last.table, [...last.ops, op]);
    else out.push(ModifyTableOps.create({ schema: table.schema, name: table.name }, [op]));
  }
  return out;
}

/** The table a foreign key points at, as a map key. */
const refKey = (ctx: CompareContext, fk: ForeignKey): string => ctx.keyOf({ schema: fk.refSchema, name: fk.refTable });

/**
 * The columns an op of a table draft adds, removes or redefines (a column, the columns of a key
 * or index, a column whose type or collation changes: a key must match its referenced
 * column's type, so it is created after that change).
 */
function columnsTouched(op: OpNode): readonly string[] {
  if (AddColumnOp.is(op) || DropColumnOp.is(op)) return [op.column.name];
  if (AlterColumnOp.is(op))
    return "type" in op.modify || "collation" in op.modify || "charset" in op.modify ? [op.column] : [];
  if (CreateIndexOp.is(op) || DropIndexOp.is(op)) return op.index.elements.map((e) => e.column ?? "");
  if (CreatePrimaryKeyOp.is(op) || CreateUniqueConstraintOp.is(op) || DropConstraintOp.is(op)) {
    return "columns" in op.constraint ? op.constraint.columns : [];
  }
  return [];
}

/**
 * Whether `fk` references columns that the draft of the referenced table touches in `groups`:
 * such a key must be dropped before that draft runs, or created after it.
 */
function touchesReferenced(
  drafts: ReadonlyMap<string, ModifyTableDraft>,
  ref: string,
  fk: ForeignKey,
  groups: readonly TableOpGroup[],
): boolean {
  const d = drafts.get(ref);
  if (!d) return false;
  return groups.some((g) => d.ops(g).some((op) => columnsTouched(op).some((c) => fk.refColumns.includes(c))));
}

/**
 * Puts the collected changes in their documented order:
 * 1. schemas; dropped or changed views; enums (created and extended before the tables using them);
 * 2. new tables in foreign-key order, then the keys that close a cycle;
 * 3. foreign keys of existing tables that point at a dropped table, or at a table whose key,
 *    index or column is about to be dropped or retyped (PostgreSQL and MySQL refuse to drop
 *    what a key needs, MySQL to retype it);
 * 4. dropped tables, children first (a cycle's closing key dropped before them);
 * 5. existing tables by (schema, name), each in its draft's group order;
 * 6. foreign keys (of new or existing tables) to a column, key or index another table only gets
 *    (or only gets the key's type) in 5;
 * 7. plugin ops; new or changed views; dropped enums.
 * Steps 3 and 6 only move what must move: in the common case each table's ops stay together.
 */
export function assembleUpgradeOps(ctx: CompareContext, up: UpgradeDraft): UpgradeOps {
  const ops: OpNode[] = [];
  const key = (q: { schema: string | null; name: string }): string => ctx.keyOf(q);
  // Each draft's key once, not once per comparison of the sort.
  const keyed = up.tables.map((d) => ({ d, key: key(d.name) })).sort((a, b) => compareText(a.key, b.key));
  const drafts = keyed.map((k) => k.d);
  const draftByKey = new Map(keyed.map((k) => [k.key, k.d]));
  const dropsReferenced = (ref: string, fk: ForeignKey): boolean =>
    touchesReferenced(draftByKey, ref, fk, ["droppedIndexes", "droppedPrimaryKey", "alteredColumns", "droppedColumns"]);
  const addsReferenced = (ref: string, fk: ForeignKey): boolean =>
    touchesReferenced(draftByKey, ref, fk, ["addedColumns", "alteredColumns", "addedIndexes", "addedPrimaryKey"]);
  const droppedTables = new Set(up.droppedTables.map(key));

  ops.push(...up.createSchemas.map(CreateSchemaOp.create));
  ops.push(...up.createExtensions.map((e) => CreateExtensionOp.create(e)));
  ops.push(...up.dropViews);
  for (const { from, to, columns } of up.replaceEnums) ops.push(RecreateEnumOp.create(to, from.values, columns));
  ops.push(...up.createEnums.map(CreateEnumOp.create), ...up.enumValues);

  const created = orderTables(up.newTables, key);
  const lateNew = created.order.flatMap((table) =>
    table.foreignKeys.filter((fk) => addsReferenced(refKey(ctx, fk), fk)).map((fk) => ({ table, fk })),
  );
  const leftOut = [...created.deferred, ...lateNew];
  for (const t of created.order)
    ops.push(
      CreateTableOp.create(
        withoutForeignKeys(
          t,
          leftOut.filter((d) => d.table === t).map((d) => d.fk),
        ),
      ),
    );
  ops.push(
    ...perTable(
      created.deferred.map(({ table, fk }) => ({
        table,
        op: CreateForeignKeyOp.create({ schema: table.schema, name: table.name }, fk),
      })),
    ),
  );

  for (const d of drafts) {
    const isEarly = (op: OpNode): boolean => {
      const c = (op as DropConstraintOp).constraint;
      if (c.kind !== "ForeignKey") return false;
      const ref = refKey(ctx, c);
      return droppedTables.has(ref) || (ref !== key(d.name) && dropsReferenced(ref, c));
    };
    const early = [...d.take("blockingForeignKeys", isEarly), ...d.take("droppedForeignKeys", isEarly)];
    if (early.length) ops.push(ModifyTableOps.create(d.name, early));
  }

  const dropped = orderTables(up.droppedTables, key);
  ops.push(
    ...perTable(
      dropped.deferred.map(({ table, fk }) => ({
        table,
        op: DropConstraintOp.create({ schema: table.schema, name: table.name }, fk),
      })),
    ),
  );
  for (const t of [...dropped.order].reverse()) {
    ops.push(
      DropTableOp.create(
        withoutForeignKeys(
          t,
          dropped.deferred.filter((d) => d.table === t).map((d) => d.fk),
        ),
      ),
    );
  }

  const lateExisting: ModifyTableOps[] = [];
  for (const d of drafts) {
    const moved = d.take("addedForeignKeys", (op) => {
      const c = (op as CreateForeignKeyOp).constraint;
      const ref = refKey(ctx, c);
      return ref !== key(d.name) && addsReferenced(ref, c);
    });
    if (moved.length) lateExisting.push(ModifyTableOps.create(d.name, moved));
    const op = d.toOp();
    if (op) ops.push(ctx.impl.tableChanges?.(op) ?? op);
  }
  ops.push(
    ...perTable(
      lateNew.map(({ table, fk }) => ({
        table,
        op: CreateForeignKeyOp.create({ schema: table.schema, name: table.name }, fk),
      })),
    ),
  );
  ops.push(...lateExisting);
  ops.push(...up.extraOps);
  ops.push(...up.createViews);
  ops.push(...[...up.dropEnums].sort((a, b) => compareText(key(a), key(b))).map(DropEnumOp.create));
  return UpgradeOps.create(ops);
}

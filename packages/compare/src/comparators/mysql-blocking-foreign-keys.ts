import {
  AlterColumnOp,
  CreateForeignKeyOp,
  DropConstraintOp,
  type ColumnChanges,
  type ForeignKey,
  type OpNode,
  type Schema,
} from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { ModifyTableDraft } from "../drafts/modify-table-draft";
import type { UpgradeDraft } from "../drafts/upgrade-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * The column changes MySQL and MariaDB refuse on a column that a foreign key uses, on either
 * side of the key, even a widening one (`varchar(2)` → `varchar(3)`, `int` → `bigint`): errors
 * 1832 "Cannot change column 'x': used in a foreign key constraint" and 1833 (referenced side).
 * Nullability, default and comment changes are accepted in place.
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html#foreign-key-restrictions
 */
const BLOCKED_CHANGES: readonly (keyof ColumnChanges)[] = ["type", "charset", "collation"];

const isBlockedChange = (op: OpNode): op is AlterColumnOp =>
  AlterColumnOp.is(op) && BLOCKED_CHANGES.some((k) => k in op.modify);

/**
 * MySQL: a foreign key over a column whose type, charset or collation changes is dropped
 * before the change (group `blockingForeignKeys`, moved ahead of every table's changes when it
 * references another table) and created again after it (`addedForeignKeys`, moved after the
 * referenced table's changes). A key the foreign-key comparator already drops (it changed or
 * went away) is only moved earlier. Runs after the table comparators, over all their drafts,
 * since the referencing and the referenced column are usually in different tables.
 */
export function compareMysqlBlockingForeignKeys(
  ctx: CompareContext,
  up: UpgradeDraft,
  _target: Schema,
  _reflected: Schema,
): CompareResult | void {
  const columnKey = (table: { schema: string | null; name: string }, column: string) =>
    `${ctx.keyOf(table)}\u0000${column}`;
  const changed = new Set<string>();
  for (const d of up.tables) {
    for (const op of d.ops("alteredColumns")) if (isBlockedChange(op)) changed.add(columnKey(d.name, op.column));
  }
  if (changed.size === 0) return;
  const blocks = (d: ModifyTableDraft, fk: ForeignKey): boolean =>
    fk.columns.some((c) => changed.has(columnKey(d.name, c))) ||
    fk.refColumns.some((c) => changed.has(columnKey({ schema: fk.refSchema, name: fk.refTable }, c)));
  for (const d of up.tables) {
    for (const fk of d.reflected.foreignKeys) {
      if (fk.name === null || !blocks(d, fk)) continue;
      const isThisKey = (op: OpNode) =>
        DropConstraintOp.is(op) && op.constraint.kind === "ForeignKey" && op.constraint.name === fk.name;
      const alreadyDropped = d.take("droppedForeignKeys", isThisKey);
      if (alreadyDropped.length > 0) {
        d.add("blockingForeignKeys", fk.name, ...alreadyDropped);
        continue;
      }
      const kept = d.target.foreignKeys.find((f) => f.name === fk.name);
      // A key the comparator saw as unchanged (an excluded one is not touched).
      if (!kept || !ctx.runObjectFilters(kept, kept.name, "foreign_key_constraint", false, fk)) continue;
      d.add("blockingForeignKeys", fk.name, DropConstraintOp.create(d.name, fk));
      d.add("addedForeignKeys", fk.name, CreateForeignKeyOp.create(d.name, kept));
    }
  }
}

export function setup(r: ComparatorRegistry): void {
  r.register("schema", "mysql_blocking_foreign_keys", compareMysqlBlockingForeignKeys, {
    dialect: "mysql",
    priority: Priority.Last,
  });
}

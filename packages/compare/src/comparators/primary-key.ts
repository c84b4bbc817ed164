import { CreatePrimaryKeyOp, DropConstraintOp, type PrimaryKey, type Table } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { ModifyTableDraft } from "../drafts/modify-table-draft";
import { Priority, STOP, type CompareResult, type ComparatorRegistry } from "../registry";

/** Drops the reflected key and creates the target's (Alembic detects no primary key change at all, #993/#1617). */
function recordChange(d: ModifyTableDraft, target: PrimaryKey | null, reflected: PrimaryKey | null): void {
  if (reflected) d.add("droppedPrimaryKey", reflected.name ?? "", DropConstraintOp.create(d.name, reflected));
  if (target) d.add("addedPrimaryKey", target.name ?? "", CreatePrimaryKeyOp.create(d.name, target));
}

const sameColumns = (a: PrimaryKey | null, b: PrimaryKey | null): boolean =>
  (a?.columns ?? []).join("\u0000") === (b?.columns ?? []).join("\u0000") && (a === null) === (b === null);

/** The columns (in order) and, where both sides name it, the constraint name. */
export function comparePrimaryKey(_ctx: CompareContext, d: ModifyTableDraft, target: Table, reflected: Table): CompareResult | void {
  const t = target.primaryKey;
  const r = reflected.primaryKey;
  const renamed = t !== null && r !== null && t.name !== null && r.name !== null && t.name !== r.name;
  if (!sameColumns(t, r) || renamed) recordChange(d, t, r);
}

/**
 * MySQL names every primary key PRIMARY and SQLite keeps no name for it, so only the columns
 * can differ there; this runs before the default comparator and stops it.
 */
export function comparePrimaryKeyColumns(_ctx: CompareContext, d: ModifyTableDraft, target: Table, reflected: Table): CompareResult {
  if (!sameColumns(target.primaryKey, reflected.primaryKey)) recordChange(d, target.primaryKey, reflected.primaryKey);
  return STOP;
}

export function setup(r: ComparatorRegistry): void {
  r.register("table", "primary_key", comparePrimaryKey, { priority: Priority.Last });
  r.register("table", "primary_key", comparePrimaryKeyColumns, { priority: Priority.Last, dialect: "mysql" });
  r.register("table", "primary_key", comparePrimaryKeyColumns, { priority: Priority.Last, dialect: "sqlite" });
}

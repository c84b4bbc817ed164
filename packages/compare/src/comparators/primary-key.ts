import { CreatePrimaryKeyOp, DropConstraintOp, type PrimaryKey, type Table } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { ModifyTableDraft } from "../drafts/modify-table-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/** Drops the reflected key and creates the target's (Alembic detects no primary key change at all, #993/#1617). */
function recordChange(d: ModifyTableDraft, target: PrimaryKey | null, reflected: PrimaryKey | null): void {
  if (reflected) d.add("droppedPrimaryKey", reflected.name ?? "", DropConstraintOp.create(d.name, reflected));
  if (target) d.add("addedPrimaryKey", target.name ?? "", CreatePrimaryKeyOp.create(d.name, target));
}

const sameColumns = (a: PrimaryKey | null, b: PrimaryKey | null): boolean =>
  (a?.columns ?? []).join("\u0000") === (b?.columns ?? []).join("\u0000") && (a === null) === (b === null);

/**
 * The key's columns, in order. Its name is not compared (as in Alembic): MySQL names every key
 * PRIMARY, SQLite keeps none, and on PostgreSQL a key named otherwise than TypeORM would
 * (`t_pkey` of a hand-made table) is the same key — dropping and re-creating it would fail as
 * soon as a foreign key points at it, for no change in behaviour.
 */
export function comparePrimaryKey(
  _ctx: CompareContext,
  d: ModifyTableDraft,
  target: Table,
  reflected: Table,
): CompareResult | void {
  if (!sameColumns(target.primaryKey, reflected.primaryKey)) recordChange(d, target.primaryKey, reflected.primaryKey);
}

export function setup(r: ComparatorRegistry): void {
  r.register("table", "primary_key", comparePrimaryKey, { priority: Priority.Last });
}

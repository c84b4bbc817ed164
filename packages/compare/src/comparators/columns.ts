import { AddColumnOp, DropColumnOp, type Table } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import { AlterColumnDraft } from "../drafts/alter-column-draft";
import type { ModifyTableDraft } from "../drafts/modify-table-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/** Columns keep their table order (the model's for added/altered, the database's for dropped), as in Alembic. */
const position = (i: number): string => String(i).padStart(6, "0");

/**
 * Added, altered and dropped columns of an existing table. Reflected columns pass includeName
 * first; every column passes includeObject. Each column both sides have is compared by the
 * "column" comparators into one AlterColumnDraft (one AlterColumnOp per column).
 */
export function compareColumns(
  ctx: CompareContext,
  d: ModifyTableDraft,
  target: Table,
  reflected: Table,
): CompareResult | void {
  const reflectedCols = ctx.namedInTable(reflected, reflected.columns, "column");
  const byName = new Map(reflectedCols.map((c) => [c.name, c]));
  const targetNames = new Set(target.columns.map((c) => c.name));
  // Indexed loops, and a position only for ops: this runs for every column of every table.
  for (let i = 0; i < target.columns.length; i++) {
    const col = target.columns[i]!;
    const existing = byName.get(col.name);
    if (!ctx.runObjectFilters(col, col.name, "column", false, existing ?? null)) continue;
    if (!existing) {
      d.add("addedColumns", position(i), AddColumnOp.create(d.name, col));
      continue;
    }
    const draft = new AlterColumnDraft(d.name, col, existing);
    ctx.compareColumn(draft, col, existing);
    if (!draft.isEmpty) d.add("alteredColumns", position(i), ...draft.toOps());
  }
  for (let i = 0; i < reflectedCols.length; i++) {
    const col = reflectedCols[i]!;
    if (targetNames.has(col.name) || !ctx.runObjectFilters(col, col.name, "column", true, null)) continue;
    d.add("droppedColumns", position(i), DropColumnOp.create(d.name, col));
  }
}

export function setup(r: ComparatorRegistry): void {
  r.register("table", "columns", compareColumns, { priority: Priority.Last });
}

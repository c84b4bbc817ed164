import { AddColumnOp, DropColumnOp, type Table } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import { AlterColumnDraft } from "../drafts/alter-column-draft";
import type { ModifyTableDraft } from "../drafts/modify-table-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * Added, altered and dropped columns of an existing table. Reflected columns pass includeName
 * first; every column passes includeObject. Each column both sides have is compared by the
 * "column" comparators into one AlterColumnDraft (one AlterColumnOp per column).
 */
export function compareColumns(ctx: CompareContext, d: ModifyTableDraft, target: Table, reflected: Table): CompareResult | void {
  const parents = ctx.tableParents(reflected);
  const reflectedCols = reflected.columns.filter((c) => ctx.runNameFilters(c.name, "column", parents));
  const byName = new Map(reflectedCols.map((c) => [c.name, c]));
  const targetNames = new Set(target.columns.map((c) => c.name));
  for (const col of target.columns) {
    const existing = byName.get(col.name);
    if (!ctx.runObjectFilters(col, col.name, "column", false, existing ?? null)) continue;
    if (!existing) {
      d.add("addedColumns", col.name, AddColumnOp.create(d.name, col));
      continue;
    }
    const draft = new AlterColumnDraft(d.name, col, existing);
    ctx.compareColumn(draft, col, existing);
    d.add("alteredColumns", col.name, ...draft.toOps());
  }
  for (const col of reflectedCols) {
    if (targetNames.has(col.name) || !ctx.runObjectFilters(col, col.name, "column", true, null)) continue;
    d.add("droppedColumns", col.name, DropColumnOp.create(d.name, col));
  }
}

export function setup(r: ComparatorRegistry): void {
  r.register("table", "columns", compareColumns, { priority: Priority.Last });
}

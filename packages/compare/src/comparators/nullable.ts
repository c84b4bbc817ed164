import type { CompareContext } from "../compare-context";
import type { AlterColumnDraft } from "../drafts/alter-column-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

export function compareNullable(_ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  if (d.target.nullable !== d.reflected.nullable) d.modify.nullable = d.target.nullable;
}

export function setup(r: ComparatorRegistry): void {
  r.register("column", "nullable", compareNullable, { priority: Priority.Last });
}

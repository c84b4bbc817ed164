import type { CompareContext } from "../compare-context";
import type { AlterColumnDraft } from "../drafts/alter-column-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * Collation and character set are compared only where the model names one: a column that does
 * not ask for a collation gets the table's or database's, which reflection reports by name.
 */
export function compareCollation(_ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  if (d.target.collation !== null && d.target.collation !== d.reflected.collation)
    d.modify.collation = d.target.collation;
  if (d.target.charset !== null && d.target.charset !== d.reflected.charset) d.modify.charset = d.target.charset;
}

/** MySQL's `ON UPDATE CURRENT_TIMESTAMP`. */
export function compareOnUpdate(_ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  if (d.target.onUpdate !== d.reflected.onUpdate) d.modify.onUpdate = d.target.onUpdate;
}

export function setup(r: ComparatorRegistry): void {
  r.register("column", "collation", compareCollation, { priority: Priority.Last });
  r.register("column", "on_update", compareOnUpdate, { priority: Priority.Last });
}

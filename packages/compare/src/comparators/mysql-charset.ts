import type { CompareContext } from "../compare-context";
import type { AlterColumnDraft } from "../drafts/alter-column-draft";
import { Priority, STOP, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * MySQL: charset and collation compared both ways. Reflection reports a column's charset and
 * collation only where they differ from its table's, and the model leaves them out where the
 * column takes its table's, so null means "the table's" on both sides: a model that drops an
 * explicit collation is a change back to the table's (MODIFY COLUMN without COLLATE). The
 * canonical column drops a charset its collation implies, so a charset change that names a
 * collation is a collation change plus `charset: null`: MODIFY restates neither the old
 * charset nor the old collation.
 */
export function compareMysqlCharset(_ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  if (d.target.charset !== d.reflected.charset) d.modify.charset = d.target.charset;
  if (d.target.collation !== d.reflected.collation) d.modify.collation = d.target.collation;
  return STOP;
}

export function setup(r: ComparatorRegistry): void {
  r.register("column", "collation", compareMysqlCharset, { dialect: "mysql", priority: Priority.Last });
}

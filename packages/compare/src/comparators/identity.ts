import type { CompareContext } from "../compare-context";
import type { AlterColumnDraft } from "../drafts/alter-column-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";
import { sameValue } from "../same-value";

/**
 * Identity and auto-increment, in their own subgroup: Alembic files them under server_default,
 * so turning default comparison off also hides identity changes (one of its known weak spots).
 */
export function compareIdentity(_ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  if (!sameValue(d.target.identity, d.reflected.identity)) d.modify.identity = d.target.identity;
  if (d.target.autoIncrement !== d.reflected.autoIncrement) d.modify.autoIncrement = d.target.autoIncrement;
}

/**
 * A generated column's expression cannot be altered in place (PostgreSQL 15, MariaDB, SQLite):
 * the column is dropped and added again. A generated column's values are computed, so nothing
 * is lost, except when a column stops being generated: it comes back empty, which the
 * reviewer sees as a DropColumnOp next to an AddColumnOp of the same name.
 */
export function compareGenerated(_ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  if (!sameValue(d.target.generated, d.reflected.generated)) d.replace = true;
}

export function setup(r: ComparatorRegistry): void {
  r.register("column", "identity", compareIdentity, { priority: Priority.Last });
  r.register("column", "generated", compareGenerated, { priority: Priority.Last });
}

import type { CompareContext } from "../compare-context";
import type { CompareServerDefaultFn } from "../compare-options";
import type { AlterColumnDraft } from "../drafts/alter-column-draft";
import { Priority, STOP, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * The canonical comparison (LAST). Unlike Alembic (off by default, and PostgreSQL asking the
 * server), defaults arrive as canonical SQL text from metadata and reflection alike, so
 * comparing them is on by default and pure.
 */
export function compareCanonicalDefault(ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  const { default: target } = d.target;
  const { default: reflected } = d.reflected;
  if (target === reflected) return;
  // Two spellings the dialect knows to make the same values (a database another tool built).
  if (target !== null && reflected !== null && ctx.impl.canonical.sameDefault?.(target, reflected)) return;
  d.modify.default = target;
}

/** The user's `compareServerDefault` (FIRST): false turns it off; a callable answers true/false/null as compareType's does. */
export function userCompareServerDefault(option: boolean | CompareServerDefaultFn) {
  return (ctx: CompareContext, d: AlterColumnDraft): CompareResult | void => {
    if (option === true) return;
    if (option === false) return STOP;
    // As in Alembic, the hook is not asked about a column that has no default on either side.
    if (d.reflected.default === null && d.target.default === null) return STOP;
    const verdict = option(ctx, d.reflected, d.target, d.reflected.default, d.target.default, d.target.default);
    if (verdict === true) d.modify.default = d.target.default;
    if (verdict === true || verdict === false) return STOP;
  };
}

export function setup(r: ComparatorRegistry): void {
  r.register("column", "server_default", compareCanonicalDefault, { priority: Priority.Last });
}

import type { CompareContext } from "../compare-context";
import type { CompareTypeFn } from "../compare-options";
import type { AlterColumnDraft } from "../drafts/alter-column-draft";
import { Priority, STOP, type CompareResult, type ComparatorRegistry } from "../registry";
import { typeChangeWarning } from "../type-change-warning";

/** Records a type change: ONE AlterColumnOp with modify.type (never drop + add), warned when it narrows. */
function recordTypeChange(ctx: CompareContext, d: AlterColumnDraft): void {
  d.modify.type = d.target.type;
  const warning = typeChangeWarning(
    ctx.impl.canonical,
    d.table.name,
    d.reflected.name,
    d.reflected.type,
    d.target.type,
  );
  if (warning) d.warnings.push(warning);
}

/** The canonical comparison (LAST): types arrive canonical from both sides, so text equality decides. */
export function compareCanonicalType(ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  if (d.target.type !== d.reflected.type) recordTypeChange(ctx, d);
}

/**
 * The user's `compareType` (FIRST), with Alembic's semantics: `false` turns the subgroup off;
 * a callable returning true records a change, false records none, and null/undefined falls
 * through to the canonical comparison.
 */
export function userCompareType(option: boolean | CompareTypeFn) {
  return (ctx: CompareContext, d: AlterColumnDraft): CompareResult | void => {
    if (option === true) return;
    if (option === false) return STOP;
    const verdict = option(ctx, d.reflected, d.target, d.reflected.type, d.target.type);
    if (verdict === true) recordTypeChange(ctx, d);
    if (verdict === true || verdict === false) return STOP;
  };
}

export function setup(r: ComparatorRegistry): void {
  r.register("column", "types", compareCanonicalType, { priority: Priority.Last });
}

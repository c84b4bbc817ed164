import type { OpNode, Table } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { FilterType, SchemaObject } from "../compare-options";
import type { ModifyTableDraft, TableOpGroup } from "../drafts/modify-table-draft";
import type { ComparatorTargets } from "../registry";
import { matchObjects, sortKeyOf } from "../match-objects";

/** How one kind of table object (indexes, uniques, foreign keys, checks) is compared. */
export interface ObjectSetSpec<T extends SchemaObject & { readonly name: string | null }> {
  readonly filterType: FilterType;
  readonly list: (t: Table) => readonly T[];
  /** What identifies an unnamed object (and orders it). */
  readonly signature: (ctx: CompareContext, x: T) => string;
  /** Whether a matched pair is the same object; a changed one is dropped and created again. */
  readonly same: (ctx: CompareContext, target: T, reflected: T) => boolean;
  readonly drop: (d: ModifyTableDraft, x: T) => OpNode;
  readonly create: (d: ModifyTableDraft, x: T) => OpNode;
  readonly dropGroup: TableOpGroup;
  readonly addGroup: TableOpGroup;
}

/** Objects identified and compared by their expression alone (checks, exclusion constraints). */
export const BY_EXPRESSION = {
  signature: (_ctx: CompareContext, x: { readonly expression: string }): string => x.expression,
  same: (_ctx: CompareContext, a: { readonly expression: string }, b: { readonly expression: string }): boolean =>
    a.expression === b.expression,
} as const;

/**
 * The shared algorithm (Alembic's `_compare_indexes_and_uniques`, matched by name first):
 * reflected objects pass includeName, every object passes includeObject, then removed and
 * changed objects are dropped and added and changed ones created, each group sorted by name.
 */
export function compareObjectSet<T extends SchemaObject & { readonly name: string | null }>(
  ctx: CompareContext,
  d: ModifyTableDraft,
  target: Table,
  reflected: Table,
  spec: ObjectSetSpec<T>,
): void {
  const targets = spec.list(target);
  const reflecteds = ctx.namedInTable(reflected, spec.list(reflected), spec.filterType);
  // Most tables have none of a kind (no checks, no uniques): nothing to match then.
  if (targets.length === 0 && reflecteds.length === 0) return;
  const sig = (x: T): string => spec.signature(ctx, x);
  const m = matchObjects(targets, reflecteds, sig);
  // Indexed loops: this runs four times per table, mostly before the code is optimized.
  for (let i = 0; i < m.dropped.length; i++) {
    const x = m.dropped[i]!;
    if (ctx.runObjectFilters(x, x.name, spec.filterType, true, null))
      d.add(spec.dropGroup, sortKeyOf(x, sig), spec.drop(d, x));
  }
  for (let i = 0; i < m.added.length; i++) {
    const x = m.added[i]!;
    if (ctx.runObjectFilters(x, x.name, spec.filterType, false, null))
      d.add(spec.addGroup, sortKeyOf(x, sig), spec.create(d, x));
  }
  for (let i = 0; i < m.pairs.length; i++) {
    const t = m.pairs[i]![0];
    const r = m.pairs[i]![1];
    if (!ctx.runObjectFilters(t, t.name, spec.filterType, false, r) || spec.same(ctx, t, r)) continue;
    d.add(spec.dropGroup, sortKeyOf(r, sig), spec.drop(d, r));
    d.add(spec.addGroup, sortKeyOf(t, sig), spec.create(d, t));
  }
}

/** The table comparator of one kind of object: compareObjectSet with its spec. */
export const objectSetComparator =
  <T extends SchemaObject & { readonly name: string | null }>(spec: ObjectSetSpec<T>): ComparatorTargets["table"] =>
  (ctx, d, target, reflected) =>
    compareObjectSet(ctx, d, target, reflected, spec);

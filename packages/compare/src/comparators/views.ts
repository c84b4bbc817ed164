import { CreateViewOp, DropViewOp, QualifiedName, type Schema, type View } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { UpgradeDraft } from "../drafts/upgrade-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

const nameOf = (v: View): QualifiedName => QualifiedName.create(v.name, v.schema);

/**
 * Views compared by their canonical definition. A view that changed is dropped before any
 * table change and created after all of them: PostgreSQL refuses to alter a column a view
 * uses, and CREATE OR REPLACE cannot change a view's columns. New views are created last in
 * the model's order (a view may select from an earlier one), dropped views dropped first in
 * reverse reflected order. Materialized views are left alone: the view ops create plain views.
 */
export function compareViews(
  ctx: CompareContext,
  up: UpgradeDraft,
  target: Schema,
  reflected: Schema,
): CompareResult | void {
  const plain = (vs: readonly View[]): View[] => vs.filter((v) => !v.materialized);
  const reflectedViews = plain(reflected.views).filter((v) =>
    ctx.runNameFilters(v.name, "view", { schemaName: v.schema }),
  );
  const reflectedByKey = new Map(reflectedViews.map((v) => [ctx.keyOf(v), v]));
  const targetKeys = new Set(plain(target.views).map((v) => ctx.keyOf(v)));
  const drops: DropViewOp[] = [];
  for (const v of plain(target.views)) {
    const r = reflectedByKey.get(ctx.keyOf(v));
    if (!ctx.runObjectFilters(v, v.name, "view", false, r ?? null)) continue;
    if (r && r.definition === v.definition) continue;
    if (r) drops.push(DropViewOp.create(nameOf(r), r.definition));
    up.createViews.push(CreateViewOp.create(nameOf(v), v.definition));
  }
  for (const r of reflectedViews) {
    if (!targetKeys.has(ctx.keyOf(r)) && ctx.runObjectFilters(r, r.name, "view", true, null))
      drops.push(DropViewOp.create(nameOf(r), r.definition));
  }
  up.dropViews.push(...drops.reverse());
}

export function setup(r: ComparatorRegistry): void {
  r.register("schema", "views", compareViews, { priority: Priority.Last });
}

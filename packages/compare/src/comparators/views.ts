import type { OpNode, QualifiedName, Schema, View } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { UpgradeDraft } from "../drafts/upgrade-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * The op factories of the replaceable-object ops (runtime's `CreateViewOp.create` and
 * `DropViewOp.create`). They are passed in rather than imported so that compare stays free of
 * the runtime and its drivers, and the ops keep a single definition.
 */
export interface ViewOpFactories {
  createView: (view: QualifiedName, definition: string) => OpNode;
  dropView: (view: QualifiedName, existingDefinition: string | null) => OpNode;
}

const nameOf = (v: View): QualifiedName => ({ schema: v.schema, name: v.name });

/**
 * Views compared by their canonical definition. A view that changed is dropped before any
 * table change and created after all of them: PostgreSQL refuses to alter a column a view
 * uses, and CREATE OR REPLACE cannot change a view's columns. New views are created last in
 * the model's order (a view may select from an earlier one), dropped views dropped first in
 * reverse reflected order. Materialized views are left alone: the view ops create plain views.
 */
export function compareViewsWith(f: ViewOpFactories) {
  return (ctx: CompareContext, up: UpgradeDraft, target: Schema, reflected: Schema): CompareResult | void => {
    const plain = (vs: readonly View[]): View[] => vs.filter((v) => !v.materialized);
    const reflectedViews = plain(reflected.views).filter((v) =>
      ctx.runNameFilters(v.name, "view", { schemaName: v.schema }),
    );
    const reflectedByKey = new Map(reflectedViews.map((v) => [ctx.keyOf(v), v]));
    const targetKeys = new Set(plain(target.views).map((v) => ctx.keyOf(v)));
    const drops: OpNode[] = [];
    for (const v of plain(target.views)) {
      const r = reflectedByKey.get(ctx.keyOf(v));
      if (!ctx.runObjectFilters(v, v.name, "view", false, r ?? null)) continue;
      if (r && r.definition === v.definition) continue;
      if (r) drops.push(f.dropView(nameOf(r), r.definition));
      up.createViews.push(f.createView(nameOf(v), v.definition));
    }
    for (const r of reflectedViews) {
      if (!targetKeys.has(ctx.keyOf(r)) && ctx.runObjectFilters(r, r.name, "view", true, null))
        drops.push(f.dropView(nameOf(r), r.definition));
    }
    up.dropViews.push(...drops.reverse());
  };
}

/** A plugin for `CompareOptions.comparators`: `comparators: viewComparators({ createView: CreateViewOp.create, dropView: DropViewOp.create })`. */
export function viewComparators(f: ViewOpFactories): (r: ComparatorRegistry) => void {
  return (r) => r.register("schema", "views", compareViewsWith(f), { priority: Priority.Last });
}

import { CreateUniqueConstraintOp, DropConstraintOp, type UniqueConstraint } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import { Priority, type ComparatorRegistry } from "../registry";
import { sameValue, stableJson } from "../same-value";
import { objectSetComparator, type ObjectSetSpec } from "./object-set";

/** An unnamed unique constraint is identified by its column set (Alembic: sorted column names). */
export const uniqueSignature = (_ctx: CompareContext, u: UniqueConstraint): string => stableJson([...u.columns].sort());

export const UNIQUE_SPEC: ObjectSetSpec<UniqueConstraint> = {
  filterType: "unique_constraint",
  list: (t) => t.uniques,
  signature: uniqueSignature,
  same: (_ctx, a, b) => sameValue([a.columns, a.deferrable, a.initially], [b.columns, b.deferrable, b.initially]),
  drop: (d, u) => DropConstraintOp.create(d.name, u),
  create: (d, u) => CreateUniqueConstraintOp.create(d.name, u),
  // Uniques share the index groups: a unique constraint and a unique index are alternatives.
  dropGroup: "droppedIndexes",
  addGroup: "addedIndexes",
};

export const compareUniques = objectSetComparator(UNIQUE_SPEC);

export function setup(r: ComparatorRegistry): void {
  r.register("table", "uniques", compareUniques, { priority: Priority.Last });
}

import { CreateIndexOp, DropIndexOp, type Index } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import { Priority, type ComparatorRegistry } from "../registry";
import { sameValue, stableJson } from "../same-value";
import { objectSetComparator, type ObjectSetSpec } from "./object-set";

const signatures = new WeakMap<Index, string>();

/** Everything but the name: uniqueness, elements in order (column or expression, direction, nulls, prefix), predicate, method, INCLUDE. */
const identifying = (i: Index) => ({
  unique: i.unique,
  elements: i.elements,
  where: i.where,
  using: i.using,
  include: i.include,
});

/**
 * The identifying parts as text, for unnamed indexes (matching and ordering). Index nodes are
 * frozen, so each is computed once.
 */
export const indexSignature = (_ctx: CompareContext, i: Index): string => {
  let sig = signatures.get(i);
  if (sig === undefined) {
    sig = stableJson(identifying(i));
    signatures.set(i, sig);
  }
  return sig;
};

export const INDEX_SPEC: ObjectSetSpec<Index> = {
  filterType: "index",
  list: (t) => t.indexes,
  signature: indexSignature,
  // Compared as structures: named pairs (nearly all) need no signature text.
  same: (_ctx, a, b) => sameValue(identifying(a), identifying(b)),
  drop: (d, i) => DropIndexOp.create(d.name, i),
  create: (d, i) => CreateIndexOp.create(d.name, i),
  dropGroup: "droppedIndexes",
  addGroup: "addedIndexes",
};

export const compareIndexes = objectSetComparator(INDEX_SPEC);

export function setup(r: ComparatorRegistry): void {
  r.register("table", "indexes", compareIndexes, { priority: Priority.Last });
}

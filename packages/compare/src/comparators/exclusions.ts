import { CreateExclusionConstraintOp, DropConstraintOp, type ExclusionConstraint } from "@autogen/core";
import { Priority, type ComparatorRegistry } from "../registry";
import { BY_EXPRESSION, objectSetComparator, type ObjectSetSpec } from "./object-set";

/**
 * PostgreSQL exclusion constraints, matched by name and compared by expression: the model's
 * text arrives in the server's form (reflection's expression probe), so a changed one is
 * dropped and added again. Only PostgreSQL reflects them, and only its model declares them.
 */
export const EXCLUSION_SPEC: ObjectSetSpec<ExclusionConstraint> = {
  filterType: "exclusion_constraint",
  list: (t) => t.exclusions,
  ...BY_EXPRESSION,
  drop: (d, x) => DropConstraintOp.create(d.name, x),
  create: (d, x) => CreateExclusionConstraintOp.create(d.name, x),
  dropGroup: "droppedExclusions",
  addGroup: "addedExclusions",
};

export const compareExclusions = objectSetComparator(EXCLUSION_SPEC);

export function setup(r: ComparatorRegistry): void {
  r.register("table", "exclusions", compareExclusions, { priority: Priority.Last });
}

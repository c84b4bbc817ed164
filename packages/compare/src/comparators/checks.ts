import { CreateCheckConstraintOp, DropConstraintOp, type CheckConstraint } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import { Priority, STOP, type CompareResult, type ComparatorRegistry } from "../registry";
import { BY_EXPRESSION, objectSetComparator, type ObjectSetSpec } from "./object-set";

/**
 * Matched by name (unnamed ones by expression) and compared by expression too: expressions
 * arrive canonical, so a changed CHECK is seen, which Alembic's name-only comparison misses.
 */
export const CHECK_SPEC: ObjectSetSpec<CheckConstraint> = {
  filterType: "check_constraint",
  list: (t) => t.checks,
  ...BY_EXPRESSION,
  drop: (d, c) => DropConstraintOp.create(d.name, c),
  create: (d, c) => CreateCheckConstraintOp.create(d.name, c),
  dropGroup: "droppedChecks",
  addGroup: "addedChecks",
};

export const compareChecks = objectSetComparator(CHECK_SPEC);

/**
 * Where the model declares no CHECK constraints (the dialect says so: MySQL/MariaDB, where
 * TypeORM ignores @Check), a check the database has is left alone rather than dropped.
 */
export const ignoreChecksWithoutModel = (ctx: CompareContext): CompareResult | void =>
  ctx.impl.adapter.hasModelChecks ? undefined : STOP;

export function setup(r: ComparatorRegistry): void {
  r.register("table", "checks", ignoreChecksWithoutModel, { priority: Priority.First });
  r.register("table", "checks", compareChecks, { priority: Priority.Last });
}

import type { Schema, UpgradeOps } from "@autogen/core";
import { assembleUpgradeOps } from "./assemble-upgrade-ops";
import { CompareContext } from "./compare-context";
import type { CompareOptions } from "./compare-options";
import { userCompareServerDefault } from "./comparators/server-defaults";
import { userCompareType } from "./comparators/types";
import { comparators } from "./default-registry";
import { UpgradeDraft } from "./drafts/upgrade-draft";
import { Priority, type ComparatorRegistry } from "./registry";

/** A registry for one run: the shared comparators plus this run's hooks and plugins. */
function runRegistry(o: CompareOptions): ComparatorRegistry {
  const r = comparators.branch();
  // The user's hooks run FIRST in their subgroup; the canonical comparison runs LAST.
  r.register("column", "types", userCompareType(o.compareType ?? true), { priority: Priority.First });
  r.register("column", "server_default", userCompareServerDefault(o.compareServerDefault ?? true), {
    priority: Priority.First,
  });
  o.comparators?.(r);
  return r;
}

/**
 * Autogenerate's diff: the ops that turn the `reflected` schema (the database) into `target`
 * (the TypeORM metadata). Both arrive canonical (types, defaults and expressions normalized per
 * dialect), so every comparison is structural; hooks and plugins follow Alembic's semantics.
 * Pure: no I/O, and the same inputs always give the same ops in the same order.
 */
export function compareSchemas(target: Schema, reflected: Schema, o: CompareOptions): UpgradeOps {
  const registry = runRegistry(o);
  const ctx = new CompareContext(o, target, reflected, registry);
  const up = new UpgradeDraft();
  registry.dispatch("schema", o.dialect)(ctx, up, target, reflected);
  return assembleUpgradeOps(ctx, up);
}

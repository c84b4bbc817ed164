import { compareText, type Schema } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { UpgradeDraft } from "../drafts/upgrade-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * Named schemas the target uses (declared, or holding its tables and types) that the reflected
 * schema does not list are created first, so that a model in `audit.*` migrates from an empty
 * database. The reflection must therefore list the existing schemas it was asked about (it
 * does whenever it is given `schemas`). Schemas are never dropped: a schema without entities
 * may hold anything.
 */
export function compareSchemaNames(
  ctx: CompareContext,
  up: UpgradeDraft,
  target: Schema,
  reflected: Schema,
): CompareResult | void {
  // A schema holding reflected tables or types exists, whether or not the reflection listed it.
  const existing = new Set(
    [...reflected.schemas, ...reflected.tables.map((t) => t.schema), ...reflected.enums.map((e) => e.schema)].map((s) =>
      ctx.schemaOf(s),
    ),
  );
  const wanted = new Set<string>();
  for (const s of [...target.schemas, ...target.tables.map((t) => t.schema), ...target.enums.map((e) => e.schema)]) {
    const name = ctx.schemaOf(s);
    if (name !== null && !existing.has(name)) wanted.add(name);
  }
  for (const s of [...wanted].sort(compareText))
    if (ctx.runObjectFilters(s, s, "schema", false, null)) up.createSchemas.push(s);
}

export function setup(r: ComparatorRegistry): void {
  r.register("schema", "schemas", compareSchemaNames, { priority: Priority.Last });
}

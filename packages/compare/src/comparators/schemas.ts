import type { Schema } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import { byKey } from "../drafts/modify-table-draft";
import type { UpgradeDraft } from "../drafts/upgrade-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * With includeSchemas, named schemas the target uses (declared, or holding its tables and
 * types) that the database lacks are created first. Schemas are never dropped: a schema
 * without entities may hold anything.
 */
export function compareSchemaNames(ctx: CompareContext, up: UpgradeDraft, target: Schema, reflected: Schema): CompareResult | void {
  if (!ctx.options.includeSchemas) return;
  const existing = new Set(reflected.schemas.map((s) => ctx.schemaOf(s)));
  const wanted = new Set<string>();
  for (const s of [...target.schemas, ...target.tables.map((t) => t.schema), ...target.enums.map((e) => e.schema)]) {
    const name = ctx.schemaOf(s);
    if (name !== null && !existing.has(name)) wanted.add(name);
  }
  for (const s of [...wanted].sort(byKey)) if (ctx.runObjectFilters(s, s, "schema", false, null)) up.createSchemas.push(s);
}

export function setup(r: ComparatorRegistry): void {
  r.register("schema", "schemas", compareSchemaNames, { priority: Priority.Last });
}

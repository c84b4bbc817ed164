import type { SchemaObject } from "../compare-options";
import { compareText, type Schema, type Table } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import { ModifyTableDraft } from "../drafts/modify-table-draft";
import type { UpgradeDraft } from "../drafts/upgrade-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";
import { CHECK_SPEC } from "./checks";
import { FOREIGN_KEY_SPEC } from "./foreign-keys";
import { INDEX_SPEC } from "./indexes";
import type { ObjectSetSpec } from "./object-set";
import { UNIQUE_SPEC } from "./uniques";

/**
 * A new table is created whole (its indexes and constraints inline); includeObject still sees
 * each of its indexes and constraints, and one it rejects is left out of the CreateTableOp.
 */
function filterNewTable(ctx: CompareContext, t: Table): Table {
  const keep = <T extends SchemaObject & { readonly name: string | null }>(spec: ObjectSetSpec<T>): T[] =>
    spec.list(t).filter((x) => ctx.runObjectFilters(x, x.name, spec.filterType, false, null));
  const indexes = keep(INDEX_SPEC);
  const uniques = keep(UNIQUE_SPEC);
  const foreignKeys = keep(FOREIGN_KEY_SPEC);
  const checks = keep(CHECK_SPEC);
  const same =
    indexes.length === t.indexes.length &&
    uniques.length === t.uniques.length &&
    foreignKeys.length === t.foreignKeys.length &&
    checks.length === t.checks.length;
  return same ? t : { ...t, indexes, uniques, foreignKeys, checks };
}

/**
 * New, dropped and existing tables. Excluded tables (version table, TypeORM's) are invisible;
 * reflected table names pass includeName; every table passes includeObject; each existing
 * table is handed to the "table" comparators.
 */
export function compareTables(
  ctx: CompareContext,
  up: UpgradeDraft,
  target: Schema,
  reflected: Schema,
): CompareResult | void {
  // Each table's key once, not once per comparison of the sort nor per lookup.
  const sortByKey = (ts: readonly Table[]): { t: Table; key: string }[] =>
    ts.map((t) => ({ t, key: ctx.keyOf(t) })).sort((a, b) => compareText(a.key, b.key));
  const targets = sortByKey(target.tables.filter((t) => !ctx.isExcludedTable(t)));
  // A reflected table is seen only when includeName accepts its schema (if named) and its name.
  // The default schema too, as (null, "schema"), as Alembic asks about None (its include_name test).
  const schemaSeen = new Map<string | null, boolean>();
  const schemaIncluded = (s: string | null): boolean => {
    if (!schemaSeen.has(s)) schemaSeen.set(s, ctx.runNameFilters(s, "schema", {}));
    return schemaSeen.get(s) as boolean;
  };
  const reflecteds = sortByKey(
    reflected.tables.filter(
      (t) =>
        !ctx.isExcludedTable(t) &&
        schemaIncluded(t.schema) &&
        ctx.runNameFilters(t.name, "table", { schemaName: t.schema }),
    ),
  );
  const reflectedByKey = new Map(reflecteds.map(({ t, key }) => [key, t]));
  const targetKeys = new Set(targets.map(({ key }) => key));
  for (const { t, key } of targets) {
    const r = reflectedByKey.get(key);
    if (!ctx.runObjectFilters(t, t.name, "table", false, r ?? null)) continue;
    if (!r) {
      up.newTables.push(filterNewTable(ctx, t));
      continue;
    }
    const draft = new ModifyTableDraft(t, r);
    ctx.compareTable(draft, t, r);
    up.tables.push(draft);
  }
  for (const { t: r, key } of reflecteds) {
    if (!targetKeys.has(key) && ctx.runObjectFilters(r, r.name, "table", true, null)) up.droppedTables.push(r);
  }
}

export function setup(r: ComparatorRegistry): void {
  r.register("schema", "tables", compareTables, { priority: Priority.Last });
}

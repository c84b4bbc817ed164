import { AddEnumValueOp, compareText, enumValuesWith, type Enum, type EnumColumnRef, type Schema } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { UpgradeDraft } from "../drafts/upgrade-draft";
import type { AlterColumnDraft } from "../drafts/alter-column-draft";
import { columnKey, enumColumns, typeReference } from "../enum-columns";
import { Priority, STOP, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * The ALTER TYPE ... ADD VALUE ops that turn `from` into `to`, each placed next to a value that
 * already exists (after its predecessor, or before the first existing value) so the type's
 * order matches the model's. Null when `to` does not keep `from`'s values in order (a value
 * removed or moved), which ADD VALUE cannot express.
 */
export function enumValueAdditions(
  from: Enum,
  to: Enum,
  columns: readonly EnumColumnRef[] = [],
): AddEnumValueOp[] | null {
  const kept = to.values.filter((v) => from.values.includes(v));
  if (kept.length !== from.values.length || kept.some((v, i) => v !== from.values[i])) return null;
  const ops: AddEnumValueOp[] = [];
  const present = new Set(from.values);
  const q = { schema: from.schema, name: from.name };
  // Each op carries the values before it and the columns using the type: its reverse recreates the type without the value.
  let values = [...from.values];
  to.values.forEach((v, i) => {
    if (present.has(v)) return;
    const position =
      present.size === 0
        ? {}
        : i > 0
          ? { after: to.values[i - 1] as string }
          : { before: to.values.find((x) => present.has(x)) as string };
    ops.push(AddEnumValueOp.create(q, v, { ...position, existingValues: values, columns }));
    values = enumValuesWith(values, v, position);
    present.add(v);
  });
  return ops;
}

/**
 * PostgreSQL enum types (Alembic's weak spot #278): new types are created before the tables
 * that use them, dropped ones dropped after, and new values added in place. A removed or
 * reordered value cannot be altered in place: the type is recreated (RecreateEnumOp) with the
 * database's columns that use it converted, before the table changes. Both carry the columns
 * using the type in the database, which is also the state their reverse runs in.
 */
export function compareEnums(
  ctx: CompareContext,
  up: UpgradeDraft,
  target: Schema,
  reflected: Schema,
): CompareResult | void {
  const sorted = (es: readonly Enum[]): Enum[] => [...es].sort((a, b) => compareText(ctx.keyOf(a), ctx.keyOf(b)));
  const reflectedByKey = new Map(reflected.enums.map((e) => [ctx.keyOf(e), e]));
  const targetKeys = new Set(target.enums.map((e) => ctx.keyOf(e)));
  for (const e of sorted(target.enums)) {
    const r = reflectedByKey.get(ctx.keyOf(e));
    if (!ctx.runObjectFilters(e, e.name, "enum", false, r ?? null)) continue;
    if (!r) {
      up.createEnums.push(e);
      continue;
    }
    const columns = enumColumns(ctx, reflected, r);
    const additions = enumValueAdditions(r, e, columns);
    if (additions) up.enumValues.push(...additions);
    else up.replaceEnums.push({ from: r, to: e, columns: withTargetDefaults(ctx, target, e, columns) });
  }
  for (const r of sorted(reflected.enums)) {
    if (!targetKeys.has(ctx.keyOf(r)) && ctx.runObjectFilters(r, r.name, "enum", true, null)) up.dropEnums.push(r);
  }
}

/**
 * Recreating a type drops the columns' defaults and sets them after the conversion: to the
 * model's default where the model's column still uses the enum (a default may name a value
 * only the new type has), else to none (later ops change or drop the column). Those columns'
 * default changes are then the recreate's business, not a separate alterColumn's.
 */
function withTargetDefaults(
  ctx: CompareContext,
  target: Schema,
  e: Enum,
  columns: readonly EnumColumnRef[],
): EnumColumnRef[] {
  const key = ctx.keyOf(e);
  const targetColumns = new Map<string, string | null>();
  for (const t of target.tables) {
    for (const c of t.columns)
      if (ctx.keyOf(typeReference(c.type)) === key) targetColumns.set(columnKey(ctx, t, c.name), c.default);
  }
  return columns.map((c) => {
    const k = columnKey(ctx, c.table, c.column);
    if (!targetColumns.has(k)) return { ...c, default: null };
    ctx.defaultsSetElsewhere.add(k);
    return { ...c, default: targetColumns.get(k) ?? null };
  });
}

/** A column whose default a recreated enum sets (above) has no default diff of its own. */
export function skipDefaultsSetByRecreate(ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  // Most runs recreate no enum: no key to build for every column then.
  if (ctx.defaultsSetElsewhere.size > 0 && ctx.defaultsSetElsewhere.has(columnKey(ctx, d.table, d.reflected.name)))
    return STOP;
}

export function setup(r: ComparatorRegistry): void {
  r.register("schema", "enums", compareEnums, { priority: Priority.Last });
}

/** Registered after the server_default subgroup exists, so the column subgroups keep their order. */
export function setupColumnDefaults(r: ComparatorRegistry): void {
  // Before the user's compareServerDefault (First): the recreate decides these defaults.
  r.register("column", "server_default", skipDefaultsSetByRecreate, { priority: Priority.First + 10 });
}

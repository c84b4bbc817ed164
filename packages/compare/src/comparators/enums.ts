import { AddEnumValueOp, type Enum, type Schema } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import { byKey } from "../drafts/modify-table-draft";
import type { UpgradeDraft } from "../drafts/upgrade-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * The ALTER TYPE ... ADD VALUE ops that turn `from` into `to`, each placed next to a value that
 * already exists (after its predecessor, or before the first existing value) so the type's
 * order matches the model's. Null when `to` does not keep `from`'s values in order (a value
 * removed or moved), which ADD VALUE cannot express.
 */
export function enumValueAdditions(from: Enum, to: Enum): AddEnumValueOp[] | null {
  const kept = to.values.filter((v) => from.values.includes(v));
  if (kept.length !== from.values.length || kept.some((v, i) => v !== from.values[i])) return null;
  const ops: AddEnumValueOp[] = [];
  const present = new Set(from.values);
  const q = { schema: from.schema, name: from.name };
  to.values.forEach((v, i) => {
    if (present.has(v)) return;
    if (present.size === 0) ops.push(AddEnumValueOp.create(q, v));
    else if (i > 0) ops.push(AddEnumValueOp.create(q, v, { after: to.values[i - 1] as string }));
    else ops.push(AddEnumValueOp.create(q, v, { before: to.values.find((x) => present.has(x)) as string }));
    present.add(v);
  });
  return ops;
}

/**
 * PostgreSQL enum types (Alembic's weak spot #278): new types are created before the tables
 * that use them, dropped ones dropped after, and new values added in place. A removed or
 * reordered value cannot be altered in place; the type is then dropped and created again
 * before the table changes: PostgreSQL refuses to drop a type columns still use, so the
 * revision fails loudly until a reviewer adds the columns' conversion, never silently.
 */
export function compareEnums(ctx: CompareContext, up: UpgradeDraft, target: Schema, reflected: Schema): CompareResult | void {
  const sorted = (es: readonly Enum[]): Enum[] => [...es].sort((a, b) => byKey(ctx.keyOf(a), ctx.keyOf(b)));
  const reflectedByKey = new Map(reflected.enums.map((e) => [ctx.keyOf(e), e]));
  const targetKeys = new Set(target.enums.map((e) => ctx.keyOf(e)));
  for (const e of sorted(target.enums)) {
    const r = reflectedByKey.get(ctx.keyOf(e));
    if (!ctx.runObjectFilters(e, e.name, "enum", false, r ?? null)) continue;
    if (!r) {
      up.createEnums.push(e);
      continue;
    }
    const additions = enumValueAdditions(r, e);
    if (additions) up.enumValues.push(...additions);
    else up.replaceEnums.push({ from: r, to: e });
  }
  for (const r of sorted(reflected.enums)) {
    if (!targetKeys.has(ctx.keyOf(r)) && ctx.runObjectFilters(r, r.name, "enum", true, null)) up.dropEnums.push(r);
  }
}

export function setup(r: ComparatorRegistry): void {
  r.register("schema", "enums", compareEnums, { priority: Priority.Last });
}

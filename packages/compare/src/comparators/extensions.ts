import type { Schema } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { UpgradeDraft } from "../drafts/upgrade-draft";
import { Priority, type CompareResult, type ComparatorRegistry } from "../registry";

/**
 * Extensions the target's columns need (the dialect says which: a `uuid_generate_v4()` default
 * needs uuid-ossp, a citext column citext) that no reflected column uses yet are created before
 * everything else, as `CREATE EXTENSION IF NOT EXISTS`: the revision installs what the model
 * needs instead of a connect-time side effect. Extensions are never dropped by a diff.
 */
export function compareExtensions(
  ctx: CompareContext,
  up: UpgradeDraft,
  target: Schema,
  reflected: Schema,
): CompareResult | void {
  const need = ctx.options.requiredExtensions;
  if (!need) return;
  const used = (s: Schema): Set<string> => {
    const out = new Set<string>();
    for (const t of s.tables) {
      if (ctx.isExcludedTable(t)) continue;
      for (const c of t.columns) for (const e of need(c)) out.add(e);
    }
    return out;
  };
  const present = used(reflected);
  for (const e of [...used(target)].sort()) if (!present.has(e)) up.createExtensions.push(e);
}

export function setup(r: ComparatorRegistry): void {
  r.register("schema", "extensions", compareExtensions, { priority: Priority.Last });
}

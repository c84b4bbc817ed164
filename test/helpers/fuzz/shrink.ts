/* The shrinker: from a failing pair, the smallest pair that still fails the same way. Greedy,
 * one removal at a time: an edit, then a table, a column, an index, a check or a relation of
 * v1, kept whenever the pair still fails; until no single removal fails. */
import { applyEdits, EditMismatch } from "./edits";
import { cloneSpec, joinColumnName, type ModelSpec } from "./model-spec";
import type { Pair } from "./pair-property";

/** Whether a pair still fails as the original did (the caller runs the property). */
export type StillFails = (pair: Pair) => Promise<boolean>;

/** Each pair one removal smaller than `pair`, in the order the shrinker tries them. */
export function* smallerPairs(pair: Pair): Generator<Pair> {
  for (let i = 0; i < pair.edits.length; i++) yield { ...pair, edits: pair.edits.filter((_, j) => j !== i) };
  const withV1 = (change: (v1: ModelSpec) => void): Pair => {
    const v1 = cloneSpec(pair.v1);
    change(v1);
    return { ...pair, v1 };
  };
  for (const t of pair.v1.tables) {
    yield withV1((v1) => {
      v1.tables = v1.tables.filter((x) => x.name !== t.name);
      for (const x of v1.tables)
        for (const [k, r] of Object.entries(x.relations)) if (r.target === t.name) delete x.relations[k];
    });
  }
  for (const t of pair.v1.tables) {
    const expressions = Object.values(t.columns).map((c) => String(c["asExpression"] ?? ""));
    for (const c of Object.keys(t.columns)) {
      if (c === "id" || expressions.some((x) => new RegExp(`\\b${c}\\b`).test(x))) continue;
      yield withV1((v1) => {
        const x = v1.tables.find((y) => y.name === t.name)!;
        delete x.columns[c];
        x.indices = x.indices.filter((i) => !i.columns.includes(c));
        x.checks = x.checks.filter((k) => !k.columns.includes(c));
      });
    }
    for (const name of [...t.indices.map((i) => `i:${i.name}`), ...t.checks.map((k) => `c:${k.name}`)])
      yield withV1((v1) => {
        const x = v1.tables.find((y) => y.name === t.name)!;
        x.indices = x.indices.filter((i) => `i:${i.name}` !== name);
        x.checks = x.checks.filter((k) => `c:${k.name}` !== name);
      });
    for (const rel of Object.keys(t.relations))
      yield withV1((v1) => {
        const x = v1.tables.find((y) => y.name === t.name)!;
        delete x.relations[rel];
        x.indices = x.indices.filter((i) => !i.columns.includes(joinColumnName(rel)));
      });
  }
}

/** Whether the pair's edits still apply to its v1. */
function valid(pair: Pair): boolean {
  try {
    applyEdits(pair.v1, pair.edits);
    return true;
  } catch (err) {
    if (err instanceof EditMismatch) return false;
    throw err;
  }
}

/**
 * The smallest pair reachable from `pair` by single removals that `stillFails`: fewest edits
 * first, then fewest tables and columns. `progress` hears each step kept.
 */
export async function shrink(pair: Pair, stillFails: StillFails, progress?: (p: Pair) => void): Promise<Pair> {
  let current = pair;
  for (let changed = true; changed;) {
    changed = false;
    for (const candidate of smallerPairs(current)) {
      if (!valid(candidate) || !(await stillFails(candidate))) continue;
      current = candidate;
      progress?.(current);
      changed = true;
      break;
    }
  }
  return current;
}

/** How many columns a pair's v1 has (what the shrinker minimizes after the edits). */
export function columnCount(pair: Pair): number {
  return pair.v1.tables.reduce((n, t) => n + Object.keys(t.columns).length + Object.keys(t.relations).length, 0);
}

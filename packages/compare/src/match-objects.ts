/** The result of pairing target objects with reflected ones. */
export interface Matched<T> {
  readonly pairs: readonly (readonly [target: T, reflected: T])[];
  readonly added: readonly T[];
  readonly dropped: readonly T[];
}

/**
 * Pairs objects by name where both sides have one, then pairs what is left by signature where
 * either side is unnamed (a constraint declared without a name, or reflected from SQLite,
 * which keeps none). Each object pairs at most once; order follows the input lists.
 */
export function matchObjects<T extends { readonly name: string | null }>(
  targets: readonly T[],
  reflected: readonly T[],
  signature: (x: T) => string,
): Matched<T> {
  const pairs: (readonly [T, T])[] = [];
  const freeTargets = new Set(targets);
  const freeReflected = new Set(reflected);
  for (const t of targets) {
    if (t.name === null) continue;
    const r = [...freeReflected].find((x) => x.name === t.name);
    if (r) {
      pairs.push([t, r]);
      freeTargets.delete(t);
      freeReflected.delete(r);
    }
  }
  for (const t of [...freeTargets]) {
    const r = [...freeReflected].find((x) => (t.name === null || x.name === null) && signature(x) === signature(t));
    if (r) {
      pairs.push([t, r]);
      freeTargets.delete(t);
      freeReflected.delete(r);
    }
  }
  return { pairs, added: [...freeTargets], dropped: [...freeReflected] };
}

/** The sort key of a possibly unnamed object: its name, or its signature after every named one. */
export const sortKeyOf = <T extends { readonly name: string | null }>(x: T, signature: (x: T) => string): string =>
  x.name ?? `\uffff${signature(x)}`;

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
  // Plain loops over flags rather than sets spread into arrays: every table of both schemas
  // comes here once per kind of object, with a handful of objects each.
  const pairs: (readonly [T, T])[] = [];
  const targetPaired: boolean[] = new Array<boolean>(targets.length).fill(false);
  const reflectedPaired: boolean[] = new Array<boolean>(reflected.length).fill(false);
  const pair = (i: number, j: number): void => {
    pairs.push([targets[i]!, reflected[j]!]);
    targetPaired[i] = true;
    reflectedPaired[j] = true;
  };
  for (let i = 0; i < targets.length; i++) {
    const name = targets[i]!.name;
    if (name === null) continue;
    for (let j = 0; j < reflected.length; j++) {
      if (!reflectedPaired[j] && reflected[j]!.name === name) {
        pair(i, j);
        break;
      }
    }
  }
  if (pairs.length < targets.length && pairs.length < reflected.length) {
    const reflectedSignatures: (string | undefined)[] = [];
    for (let i = 0; i < targets.length; i++) {
      if (targetPaired[i]) continue;
      const t = targets[i]!;
      let sig: string | undefined;
      for (let j = 0; j < reflected.length; j++) {
        const x = reflected[j]!;
        if (reflectedPaired[j] || (t.name !== null && x.name !== null)) continue;
        sig ??= signature(t);
        if ((reflectedSignatures[j] ??= signature(x)) === sig) {
          pair(i, j);
          break;
        }
      }
    }
  }
  return {
    pairs,
    added: targets.filter((_, i) => !targetPaired[i]),
    dropped: reflected.filter((_, j) => !reflectedPaired[j]),
  };
}

/** The sort key of a possibly unnamed object: its name, or its signature after every named one. */
export const sortKeyOf = <T extends { readonly name: string | null }>(x: T, signature: (x: T) => string): string =>
  x.name ?? `\uffff${signature(x)}`;

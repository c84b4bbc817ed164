/**
 * Memoises a pure canonicalisation: a schema repeats the same few types and defaults on
 * thousands of columns, and both metadata and reflection canonicalise every one of them.
 * Bounded, so a process that reflects many schemas does not grow without limit.
 */
export function memoized<A extends unknown[], R extends string | null>(
  fn: (...args: A) => R,
  key: (...args: A) => string,
): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const k = key(...args);
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const value = fn(...args);
    if (cache.size >= 10_000) cache.clear();
    cache.set(k, value);
    return value;
  };
}

/** The cache key of a canonical default: its text under its canonical type (null and undefined are one key). */
export const defaultKey = (raw: string | null | undefined, type: string): string =>
  raw === null || raw === undefined ? "\u0001" : `${type}\u0000${raw}`;

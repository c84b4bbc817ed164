/** How many results a memoised canonicalisation keeps before it starts again. */
const LIMIT = 10_000;

/**
 * Memoises a pure canonicalisation of one text: a schema repeats the same few types and
 * expressions on thousands of columns, and both metadata and reflection canonicalise every one
 * of them. Bounded, so a process that reflects many schemas does not grow without limit.
 */
export function memoized<R extends string | null>(fn: (raw: string) => R): (raw: string) => R {
  const cache = new Map<string, R>();
  return (raw) => {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const value = fn(raw);
    if (cache.size >= LIMIT) cache.clear();
    cache.set(raw, value);
    return value;
  };
}

/**
 * Memoises a canonical default, which depends on the column's canonical type too: a map per
 * type, so that no joined key is built at each of the many calls. No default (null or
 * undefined) is one entry whatever the type.
 */
export function memoizedDefault(
  fn: (raw: string | null | undefined, type: string) => string | null,
): (raw: string | null | undefined, type: string) => string | null {
  const byType = new Map<string, Map<string, string | null>>();
  let size = 0;
  let none: { readonly value: string | null } | null = null;
  return (raw, type) => {
    if (raw === null || raw === undefined) return (none ??= { value: fn(raw, type) }).value;
    let cache = byType.get(type);
    const hit = cache?.get(raw);
    if (hit !== undefined) return hit;
    const value = fn(raw, type);
    if (size >= LIMIT) {
      byType.clear();
      size = 0;
      cache = undefined;
    }
    if (cache === undefined) byType.set(type, (cache = new Map()));
    cache.set(raw, value);
    size++;
    return value;
  };
}

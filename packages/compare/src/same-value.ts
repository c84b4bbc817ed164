/** A JSON text with object keys sorted, so that two equal values built in different key orders compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Structural equality of canonical schema values (both sides arrive canonical, so this is the whole comparison). */
export const sameValue = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);

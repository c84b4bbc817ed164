/** Frozen nodes never change, so their text is computed once per node. */
const cache = new WeakMap<object, string>();

/** A JSON text with object keys sorted, so that two equal values built in different key orders compare equal. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const frozen = Object.isFrozen(value);
  if (frozen) {
    const hit = cache.get(value);
    if (hit !== undefined) return hit;
  }
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map((v) => (v === undefined ? "null" : stableJson(v))).join(",")}]`;
  } else {
    const o = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const k of Object.keys(o).sort()) {
      // As JSON.stringify: undefined members are left out.
      if (o[k] !== undefined) parts.push(`${JSON.stringify(k)}:${stableJson(o[k])}`);
    }
    text = `{${parts.join(",")}}`;
  }
  if (frozen) cache.set(value, text);
  return text;
}

/** Structural equality of canonical schema values (both sides arrive canonical, so this is the whole comparison). */
export const sameValue = (a: unknown, b: unknown): boolean => a === b || stableJson(a) === stableJson(b);

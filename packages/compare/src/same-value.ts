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
    text = "[";
    for (let i = 0; i < value.length; i++)
      text += (i > 0 ? "," : "") + (value[i] === undefined ? "null" : stableJson(value[i]));
    text += "]";
  } else {
    const o = value as Record<string, unknown>;
    text = "{";
    for (const k of Object.keys(o).sort()) {
      // As JSON.stringify: undefined members are left out.
      if (o[k] !== undefined) text += (text.length > 1 ? "," : "") + JSON.stringify(k) + ":" + stableJson(o[k]);
    }
    text += "}";
  }
  if (frozen) cache.set(value, text);
  return text;
}

/** Structural equality of canonical schema values (both sides arrive canonical, so this is the whole comparison). */
export const sameValue = (a: unknown, b: unknown): boolean => a === b || sameStructure(a, b);

/** What comparing the two stableJson texts would answer, without building them. */
function sameStructure(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object")
    return stableJson(a) === stableJson(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameStructure(a[i] ?? null, bs[i] ?? null)) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // As in JSON: undefined members count as absent.
  let defined = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    if (bo[k] === undefined || !sameStructure(ao[k], bo[k])) return false;
    defined++;
  }
  for (const k in bo) if (bo[k] !== undefined) defined--;
  return defined === 0;
}

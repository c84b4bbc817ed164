/* Shared by the canonical-*.test.ts files. */
import assert from "node:assert/strict";
import type { Canonicalizer } from "../src/index";

/** Every raw spelling (TypeORM's and the catalog's) canonicalises to `expected`. */
export function sameType(c: Canonicalizer, raws: readonly string[], expected: string): void {
  for (const raw of raws) assert.equal(c.type(raw), expected, `type(${JSON.stringify(raw)})`);
}

/** Every raw default, for a column of (raw) type `type`, canonicalises to `expected`. */
export function sameDefault(
  c: Canonicalizer,
  type: string,
  raws: readonly (string | null | undefined)[],
  expected: string | null,
): void {
  const t = c.type(type);
  for (const raw of raws) assert.equal(c.default(raw, t), expected, `default(${JSON.stringify(raw)}, ${t})`);
}

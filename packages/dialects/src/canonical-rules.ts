/** A rewrite rule of a canonicalizer: a pattern and what a match becomes. */
export type Rule = readonly [RegExp, (m: RegExpMatchArray) => string];

/** The first matching rule's result, or null when none matches. */
export function applyRules(rules: readonly Rule[], text: string): string | null {
  for (const [re, fn] of rules) {
    const m = text.match(re);
    if (m) return fn(m);
  }
  return null;
}

import type { VerifyResult } from "./verify-result";

/**
 * The text of a verify result: the findings, one per line (differing ops indented below), or
 * the line saying all was proven; and the one-line failure (null when it passed).
 */
export function verifyReport(r: VerifyResult, _format: "text"): { lines: string[]; failure: string | null } {
  const lines: string[] = [];
  for (const p of r.problems) {
    lines.push(`${p.kind}: ${p.message}`);
    for (const op of p.ops ?? []) lines.push(`  ${op}`);
  }
  if (r.ok) {
    const what = r.modelsCompared
      ? "upgrades match the models and every downgrade restores"
      : "every downgrade restores";
    lines.push(`Verified ${r.revisions.length} revision(s) on ${r.scratch}: ${what} the schema before it.`);
    return { lines, failure: null };
  }
  const first = r.problems[0]!;
  return { lines, failure: `verify: revision ${first.revision}: ${first.message}` };
}

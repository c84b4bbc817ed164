import { readFileSync } from "node:fs";
import { risksOf, type OpNode } from "@autogen/core";
import { classifyRisks, type Dialect } from "@autogen/dialects";
import type { RecordedOp } from "@autogen/runtime";
import type { Revision } from "@autogen/script";
import { describeOp } from "../commands/check";
import { runtimeModule } from "../lazy-modules";
import { acknowledgedCodes } from "./acknowledgements";
import type { LintFinding } from "./lint-result";

/**
 * The risks of each revision's upgrade ops: upgrade() runs against a recording `op` (no
 * database), the dialect classifies the recorded ops as it classifies autogenerate's, and each
 * risk is looked up among the comments above its op's line.
 */
export async function lintRevisions(
  revisions: readonly Revision[],
  dialect: Dialect,
  x: Readonly<Record<string, string>> | undefined,
): Promise<LintFinding[]> {
  const findings: LintFinding[] = [];
  for (const revision of revisions) {
    const recorded = await runtimeModule().recordRevisionOps({ path: revision.path, dialect, ...(x && { x }) });
    const classified = classifyRisks(
      dialect,
      recorded.map((r) => r.op),
    );
    const fileLines = readFileSync(revision.path, "utf8").split(/\r?\n/);
    const finding = (op: OpNode, line: number | null): LintFinding[] => {
      const acked = line === null ? new Set<string>() : acknowledgedCodes(fileLines, line);
      return risksOf(op).map((r) => ({
        revision: revision.revision,
        file: revision.path,
        line,
        op: describeOp(op),
        code: r.code,
        message: r.message,
        acknowledged: acked.has(r.code),
      }));
    };
    classified.forEach((op, i) => {
      const at: RecordedOp = recorded[i]!;
      findings.push(...finding(op, at.line));
      const children = (op as { ops?: readonly OpNode[] }).ops ?? [];
      children.forEach((child, j) => findings.push(...finding(child, at.childLines[j] ?? null)));
    });
  }
  return findings;
}

import { Schema, applyOpsToSchema } from "@autogen/core";
import { schemaDdl, type Dialect } from "@autogen/dialects";
import { opInWords, tablesTouched } from "@autogen/renderer";
import { recordRevisionOps } from "@autogen/runtime";
import { planUpgrade, type Revision, type RevisionMap } from "@autogen/script";
import { lintRevisions } from "../lint/lint-revisions";
import type { LintFinding } from "../lint/lint-result";
import { diffObjectDdl, type ObjectDiff } from "../schema-diff";

/** What a pull request reviewer reads about one revision (`show REV --format markdown`). */
export interface RevisionSummary {
  readonly revision: Revision;
  /** The tables and views its upgrade touches. */
  readonly tablesTouched: readonly string[];
  /** Its upgrade's ops in words, one line per change. */
  readonly changes: readonly string[];
  /** The risks the dialect finds in its upgrade (as `lint` finds them), acknowledged or not. */
  readonly risks: readonly LintFinding[];
  /** The schema objects its upgrade changes, as DDL diffs; null when that cannot be known. */
  readonly schemaDiffs: readonly ObjectDiff[] | null;
  /** Why `schemaDiffs` is null (raw SQL or a custom op in the history, a broken revision). */
  readonly schemaDiffsUnavailable: string | null;
}

/**
 * Reads a revision for review without a database: its upgrade() is run against a recording
 * `op` (runtime's recordRevisionOps), and the schema before and after it is the schema model
 * that the recorded upgrades of its ancestors (every revision an upgrade to it runs first, in
 * that order) build from nothing, then its own. Each side is written as canonical DDL by the
 * dialect, so the diffs are what the revision changes, object by object. Its risks are those
 * `lint` finds (the dialect's classification of the recorded ops, with the acknowledgements in
 * the file).
 */
export async function summarizeRevision(
  map: RevisionMap,
  revision: Revision,
  o: { dialect: Dialect; x?: Record<string, string> },
): Promise<RevisionSummary> {
  const record = async (r: Revision) =>
    (await recordRevisionOps({ path: r.path, dialect: o.dialect, ...(o.x && { x: o.x }) })).map((x) => x.op);
  const ops = await record(revision);
  const base = {
    revision,
    tablesTouched: tablesTouched(ops),
    changes: ops.flatMap(opInWords),
    risks: await lintRevisions([revision], o.dialect, o.x),
  };
  try {
    let before = Schema.empty();
    for (const step of planUpgrade(map, [], revision.revision)) {
      if (step.revision.revision === revision.revision) continue;
      before = applyOpsToSchema(before, await record(step.revision));
    }
    const after = applyOpsToSchema(before, ops);
    const schemaDiffs = diffObjectDdl(schemaDdl(o.dialect, before), schemaDdl(o.dialect, after));
    return { ...base, schemaDiffs, schemaDiffsUnavailable: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...base, schemaDiffs: null, schemaDiffsUnavailable: reason };
  }
}

/** The Markdown of one summary: a heading, the facts as a list, the changes, a diff per object. */
export function revisionSummaryMarkdown(s: RevisionSummary): string {
  const r = s.revision;
  const code = (x: string) => `\`${x}\``;
  const lines = [`## Revision ${code(r.revision)}: ${r.message || "(no message)"}`, ""];
  lines.push(`- **Parents:** ${r.downRevisions.length === 0 ? "none (a base)" : r.downRevisions.map(code).join(", ")}`);
  if (r.dependencies.length > 0) lines.push(`- **Depends on:** ${r.dependencies.map(code).join(", ")}`);
  if (r.branchLabels.length > 0) lines.push(`- **Branch labels:** ${r.branchLabels.map(code).join(", ")}`);
  lines.push(`- **Tables touched:** ${s.tablesTouched.length === 0 ? "none" : s.tablesTouched.map(code).join(", ")}`);
  lines.push("", "### Changes", "");
  if (s.changes.length === 0) lines.push("No operations.");
  else for (const c of s.changes) lines.push(`- ${c}`);
  lines.push("", "### Risks", "");
  if (s.risks.length === 0) lines.push("None found.");
  for (const r of s.risks) {
    const where = r.line === null ? "" : `line ${r.line}, `;
    lines.push(`- ${code(r.code)}: ${r.message} (${where}${r.acknowledged ? "acknowledged" : "not acknowledged"})`);
  }
  lines.push("", "### Schema diff", "");
  if (s.schemaDiffs === null) lines.push(`Not available: ${s.schemaDiffsUnavailable}`);
  else if (s.schemaDiffs.length === 0) lines.push("No schema change.");
  else
    for (const d of s.schemaDiffs) {
      lines.push(`#### ${d.kind} ${code(d.name)} (${d.change})`, "", "```diff", d.patch.trimEnd(), "```", "");
    }
  return `${lines.join("\n").trimEnd()}\n`;
}

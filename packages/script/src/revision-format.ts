import type { Revision } from "./revision";
import type { RevisionMap } from "./revision-map";

/** What to show in one-line form (Alembic's `Script._head_only` switches). */
export interface HeadOnlyOptions {
  includeBranches?: boolean;
  includeDoc?: boolean;
  includeParents?: boolean;
  /** `(branchpoint)` / `(mergepoint)`; default true. */
  treeIndicators?: boolean;
  /** `(head)` / `(effective head)` / `(current)`; default true. */
  headIndicators?: boolean;
  current?: boolean;
}

/** `ae1027a6acf, 1975ea83b712` for the down revisions, `<base>` for none. */
export function formatDownRevision(rev: Revision): string {
  return rev.downRevisions.length === 0 ? "<base>" : rev.downRevisions.join(", ");
}

/** One-line form of a revision; the building block of history, heads, branches and current. */
export function formatHeadOnly(rev: Revision, o: HeadOnlyOptions = {}): string {
  let text = rev.revision;
  if (o.includeParents) {
    text = rev.dependsOn
      ? `${formatDownRevision(rev)} (${rev.dependsOn.join(", ")}) -> ${text}`
      : `${formatDownRevision(rev)} -> ${text}`;
  }
  if (o.includeBranches && rev.branchLabels.length > 0) text += ` (${rev.branchLabels.join(", ")})`;
  const tree = o.treeIndicators ?? true;
  if ((o.headIndicators ?? true) || tree) {
    if (rev.isRealHead) text += " (head)";
    if (rev.isHead && !rev.isRealHead) text += " (effective head)";
    if (o.current) text += " (current)";
  }
  if (tree) {
    if (rev.isBranchPoint) text += " (branchpoint)";
    if (rev.isMergePoint) text += " (mergepoint)";
  }
  if (o.includeDoc) text += `, ${rev.doc}`;
  return text;
}

/**
 * A `history` line: `<base> -> 1975ea83b712 (head), create account table`, with
 * `(deps)`, `(labels)`, `(effective head)`, `(current)`, `(branchpoint)`, `(mergepoint)` as
 * Alembic prints them.
 */
export function formatHistoryLine(rev: Revision, o: { current?: boolean; map?: RevisionMap } = {}): string {
  return formatHeadOnly(rev, {
    includeBranches: true,
    includeDoc: true,
    includeParents: true,
    current: o.current ?? false,
  });
}

/**
 * The verbose form (Alembic's `Script.log_entry`), ending with a newline:
 * `Rev: x (head)\nParent: <base>\nPath: ...\n\n    create account table\n\n    Revision ID: ...\n`.
 */
export function formatLogEntry(rev: Revision, o: { map?: RevisionMap; current?: boolean } = {}): string {
  let entry = `Rev: ${rev.revision}${rev.isHead ? " (head)" : ""}${rev.isBranchPoint ? " (branchpoint)" : ""}${
    rev.isMergePoint ? " (mergepoint)" : ""
  }${o.current ? " (current)" : ""}\n`;
  entry += rev.isMergePoint ? `Merges: ${formatDownRevision(rev)}\n` : `Parent: ${formatDownRevision(rev)}\n`;
  if (rev.dependsOn) entry += `Also depends on: ${rev.dependsOn.join(", ")}\n`;
  if (rev.isBranchPoint) entry += `Branches into: ${rev.nextRevs.join(", ")}\n`;
  if (rev.branchLabels.length > 0) entry += `Branch names: ${rev.branchLabels.join(", ")}\n`;
  entry += `Path: ${rev.path}\n`;
  const body = rev.longDoc === "" ? [] : rev.longDoc.split(/\r?\n/);
  entry += `\n${body.map((line) => `    ${line}`).join("\n")}\n`;
  return entry;
}

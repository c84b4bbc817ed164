import type { Revision } from "./revision";

/**
 * One revision in the `--format json` output of `history`, `heads`, `current` and `show`. The
 * field names are part of the CLI's interface: fields may be added, never renamed or removed.
 */
export interface RevisionJson {
  /** The full revision id. */
  readonly revision: string;
  /** The down revisions in declared order; empty for a base. */
  readonly downRevisions: readonly string[];
  /** The `dependsOn` revisions, resolved to full ids. */
  readonly dependsOn: readonly string[];
  /** Branch labels, including those propagated along the branch (as `history` shows them). */
  readonly branchLabels: readonly string[];
  /** The first line of the docstring (`-m`). */
  readonly message: string;
  /** The whole docstring. */
  readonly doc: string;
  /** The `Create Date` of the header, as written; null when there is none. */
  readonly createDate: string | null;
  /** The revision file. */
  readonly path: string;
  /** No revision has this one as its down revision (it may still be depended on). */
  readonly isHead: boolean;
  readonly isBranchPoint: boolean;
  readonly isMergePoint: boolean;
}

/** The JSON form of a revision (see {@link RevisionJson}). */
export function revisionJson(rev: Revision): RevisionJson {
  return {
    revision: rev.revision,
    downRevisions: [...rev.downRevisions],
    dependsOn: [...rev.dependencies],
    branchLabels: [...rev.branchLabels],
    message: rev.message,
    doc: rev.longDoc,
    createDate: rev.createDate,
    path: rev.path,
    isHead: rev.isHead,
    isBranchPoint: rev.isBranchPoint,
    isMergePoint: rev.isMergePoint,
  };
}

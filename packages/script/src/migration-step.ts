import type { Revision } from "./revision";

/** One statement on the version table (one row per current head). */
export type VersionChange =
  { op: "insert"; version: string } | { op: "update"; from: string; to: string } | { op: "delete"; version: string };

/** One revision to run, with the version-table statements that follow it. */
export interface MigrationStep {
  revision: Revision;
  direction: "upgrade" | "downgrade";
  /** The version-table changes after this step, given the heads the steps before it left. */
  versionChanges: VersionChange[];
  /** Alembic's `str(step)`: `upgrade ae1027a6acf -> 1975ea83b712, add account`, for "Running ..." log lines. */
  description: string;
  /** Alembic's `short_log`, without the message: `upgrade ae1027a6acf -> 1975ea83b712`, for `-- Running ...` in --sql output. */
  shortLog: string;
  /** The version-table heads after this step. */
  headsAfter: string[];
}

/** A `stamp` movement: version-table changes only, no revision code runs. */
export interface StampStep {
  from: string[];
  to: string[];
  direction: "upgrade" | "downgrade";
  versionChanges: VersionChange[];
  /** `stamp_revision a -> b`, Alembic's log text for a stamp step. */
  description: string;
  headsAfter: string[];
}

/**
 * Describes a step the way Alembic logs it: the down revisions (without dependencies) and the
 * revision, joined with ", "; an empty side stays empty (`upgrade  -> a1b2c3d4e5f6`).
 */
export function describeStep(
  rev: Revision,
  direction: "upgrade" | "downgrade",
): { description: string; shortLog: string } {
  const from = direction === "upgrade" ? rev.downRevisions.join(", ") : rev.revision;
  const to = direction === "upgrade" ? rev.revision : rev.downRevisions.join(", ");
  const shortLog = `${direction} ${from} -> ${to}`;
  return { shortLog, description: rev.doc ? `${shortLog}, ${rev.doc}` : shortLog };
}

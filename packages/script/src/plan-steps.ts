import { HeadMaintainer } from "./head-maintainer";
import { describeStep, type MigrationStep } from "./migration-step";
import type { Revision } from "./revision";
import type { RevisionMap } from "./revision-map";

/** Turns an ordered list of revisions into steps, simulating the version table from `currentHeads`. */
export function buildSteps(
  map: RevisionMap,
  currentHeads: readonly string[],
  revisions: readonly Revision[],
  direction: "upgrade" | "downgrade",
): MigrationStep[] {
  const table = new HeadMaintainer(map, currentHeads);
  return revisions.map((revision) => {
    const versionChanges = table.step(revision, direction === "upgrade");
    return { revision, direction, versionChanges, ...describeStep(revision, direction), headsAfter: table.heads };
  });
}

import { CommandError } from "@autogen/core";
import { catchRevisionErrors } from "./catch-revision-errors";
import { HeadMaintainer, type StampMove } from "./head-maintainer";
import type { StampStep, VersionChange } from "./migration-step";
import { dedupe } from "./revision";
import { isRevision, type RevisionMap } from "./revision-map";

/**
 * The version-table changes of `stamp <targets...>` from the given heads (Alembic's
 * `ScriptDirectory._stamp_revs` plus `HeadMaintainer`): moving below the current heads is one
 * merge-like step (DELETE the others, UPDATE one), above is an UPDATE, an unrelated branch is an
 * INSERT, `base` DELETEs each head, a target already present changes nothing. With `purge`, every
 * given row is deleted first and the targets are inserted as if the table were empty (pass every
 * row value read from the table, even ids that are not in the graph).
 */
export function planStamp(
  map: RevisionMap,
  currentHeads: readonly string[],
  targets: readonly string[],
  o: { purge: boolean },
): VersionChange[] {
  const purged: VersionChange[] = o.purge ? dedupe(currentHeads).map((version) => ({ op: "delete", version })) : [];
  return [...purged, ...planStampSteps(map, o.purge ? [] : currentHeads, targets).flatMap((s) => s.versionChanges)];
}

/** The stamp movements one by one (for `-- Running stamp_revision a -> b` lines and hooks). */
export function planStampSteps(
  map: RevisionMap,
  currentHeads: readonly string[],
  targets: readonly string[],
): StampStep[] {
  const moves = catchRevisionErrors(() => stampMoves(map, currentHeads, targets), {
    multipleHeads: () => "Multiple heads are present; please specify a single target revision",
  });
  const table = new HeadMaintainer(map, currentHeads);
  return moves.map((move) => {
    const versionChanges = table.stamp(move);
    return {
      from: [...move.from],
      to: [...move.to],
      direction: move.isUpgrade ? "upgrade" : "downgrade",
      versionChanges,
      description: `stamp_revision ${move.from.join(", ")} -> ${move.to.join(", ")}`,
      headsAfter: table.heads,
    };
  });
}

/**
 * Splits `stamp` arguments for --sql mode, where each may be `FROM:TO`; all FROMs must be the
 * same (Alembic: `Stamp operation with --sql only supports a single starting revision at a time`).
 */
export function splitStampRanges(revisions: readonly string[]): { start: string | null; targets: string[] } {
  let start: string | null = null;
  const targets = revisions.map((r) => {
    const colon = r.indexOf(":");
    if (colon < 0) return r;
    const from = r.slice(0, colon);
    if (start !== null && start !== from) {
      throw new CommandError("Stamp operation with --sql only supports a single starting revision at a time");
    }
    start = from;
    return r.slice(colon + 1);
  });
  return { start, targets };
}

function stampMoves(map: RevisionMap, currentHeads: readonly string[], targets: readonly string[]): StampMove[] {
  const headRevs = map.getRevisionsRaw(currentHeads).filter(isRevision);
  const wanted = targets.length > 0 ? targets : ["base"];
  const filteredHeads = dedupe(wanted.flatMap((t) => (t ? map.filterForLineage(headRevs, t, true) : [])));
  const filteredIds = filteredHeads.map((h) => h.revision);
  const resolved = map.getRevisionsRaw(wanted);
  const dests = resolved.length > 0 ? resolved : [null];

  const moves: StampMove[] = [];
  for (const dest of dests) {
    if (!isRevision(dest)) {
      // `base`: delete the row of every head on the selected lineage.
      for (const head of filteredIds) moves.push({ from: [head], to: [], isUpgrade: false, branchMove: true });
      continue;
    }
    if (filteredHeads.includes(dest)) continue;
    const descendants = new Set(map.descendants([dest]));
    const ancestors = new Set(map.ancestors([dest]));
    if (filteredHeads.some((h) => descendants.has(h))) {
      // Heads above the target: one downgrade movement, like a merge.
      moves.push({ from: filteredIds, to: [dest.revision], isUpgrade: false, branchMove: false });
    } else if (filteredHeads.some((h) => ancestors.has(h))) {
      moves.push({ from: filteredIds, to: [dest.revision], isUpgrade: true, branchMove: false });
    } else {
      // A branch the table does not hold yet.
      moves.push({ from: [], to: [dest.revision], isUpgrade: true, branchMove: true });
    }
  }
  return moves;
}

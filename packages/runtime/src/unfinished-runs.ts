import { HeadMaintainer, type Revision, type RevisionMap } from "@autogen/script";
import type { UnfinishedRun } from "./revisions-table";

/** Unfinished runs split by what the version table says about them. */
export interface UnfinishedRuns {
  /**
   * Runs whose version-table change did happen (the process died between it and the row's
   * update): only the row is stale, and the run fixes it.
   */
  stale: UnfinishedRun[];
  /** Runs that stopped inside the revision: some of its statements may have run. */
  partial: UnfinishedRun[];
}

/** Sorts unfinished runs by whether the version table (`heads`) shows the revision's change done. */
export function classifyUnfinished(
  map: RevisionMap,
  heads: readonly string[],
  runs: readonly UnfinishedRun[],
): UnfinishedRuns {
  const out: UnfinishedRuns = { stale: [], partial: [] };
  if (runs.length === 0) return out;
  const applied = appliedRevisions(map, heads);
  for (const run of runs) {
    const known = map.byId(run.revision) !== undefined;
    const done = run.operation === "upgrade" ? applied.has(run.revision) : !applied.has(run.revision);
    (known && run.operation !== "stamp" && done ? out.stale : out.partial).push(run);
  }
  return out;
}

/**
 * One line for a partly applied revision: which, since when, where the version table is, and the
 * two ways out (both end with a `stamp`, which clears the record).
 */
export function partlyAppliedMessage(map: RevisionMap, heads: readonly string[], run: UnfinishedRun): string {
  const rev = map.byId(run.revision);
  const name = rev && rev.doc ? `${run.revision} (${rev.doc})` : run.revision;
  const since = run.startedAt ? ` at ${run.startedAt}` : "";
  const direction = run.operation === "downgrade" ? "downgrade" : "upgrade";
  let after = [run.revision];
  if (rev) {
    const table = new HeadMaintainer(map, heads);
    table.step(rev, direction === "upgrade");
    after = table.heads;
  }
  const state = direction === "upgrade" ? "partly applied" : "partly downgraded";
  return (
    `Revision ${name} is ${state}: its ${direction} started${since} and did not finish, and the version table ` +
    `says ${stampArgs(heads)}; ${howToFinish(direction, heads, after)}`
  );
}

/** The two ways out of a half-run revision, each ending with the stamp that says where the database is. */
export function howToFinish(
  direction: "upgrade" | "downgrade",
  headsNow: readonly string[],
  headsAfter: readonly string[],
): string {
  const undo = direction === "upgrade" ? "undo what it made" : "redo what it undid";
  return (
    `finish the ${direction} by hand and run 'autogen stamp ${stampArgs(headsAfter)}', ` +
    `or ${undo} and run 'autogen stamp ${stampArgs(headsNow)}'`
  );
}

/** The revisions the heads stand for (their ancestors, dependencies included); unknown ids are left out. */
export function appliedRevisions(map: RevisionMap, heads: readonly string[]): Set<string> {
  const known = heads.map((h) => map.byId(h)).filter((r): r is Revision => r !== undefined);
  return new Set(map.ancestors(known).map((r) => r.revision));
}

function stampArgs(heads: readonly string[]): string {
  return heads.length === 0 ? "base" : [...heads].sort().join(" ");
}

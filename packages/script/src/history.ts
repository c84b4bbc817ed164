import { CommandError } from "@autogen/core";
import { catchRevisionErrors } from "./catch-revision-errors";
import { parseRange } from "./parse-range";
import type { Revision } from "./revision";
import { formatHeadOnly, formatHistoryLine, formatLogEntry } from "./revision-format";
import type { RevisionIdentifier, RevisionMap } from "./revision-map";

/** Options of {@link history}: the `history [-r RANGE] [-v] [-i]` flags. */
export interface HistoryOptions {
  /** `FROM:TO`; either side may be empty, an id, a relative step (`-2`), or `current`. */
  range?: string;
  /** The database's version-table heads; needed for `current` in the range and for `indicateCurrent`. */
  currentHeads?: readonly string[];
  verbose?: boolean;
  indicateCurrent?: boolean;
}

/**
 * The revisions `history` lists, newest first, with the current ones when they were asked for
 * (`indicateCurrent`) or needed (`current` in the range).
 */
export function historyRevisions(map: RevisionMap, o: HistoryOptions = {}): Revision[] {
  let base: RevisionIdentifier = null;
  let head: RevisionIdentifier = null;
  if (o.range !== undefined) ({ from: base, to: head } = parseRange(o.range));
  const needsCurrent = base === "current" || head === "current" || o.indicateCurrent;
  if (needsCurrent && o.currentHeads === undefined)
    throw new CommandError("history needs the database's current heads for 'current'");
  const currents = o.currentHeads ?? [];
  if (head === "current") head = currents;
  else if (base === "current") base = currents;

  const lower = isEmpty(base) ? "base" : base;
  const upper = isEmpty(head) ? "heads" : head;
  return catchRevisionErrors(
    () => map.iterateRevisions(upper, lower, { inclusive: true, assertRelativeLength: false }),
    {
      start: describe(lower),
      end: describe(upper),
    },
  );
}

/**
 * The output of `history`, newest first: one line per revision, or with `verbose` one log entry
 * per revision (each ending with a newline, so printing each with a newline leaves a blank line
 * between entries, as Alembic does).
 */
export function history(map: RevisionMap, o: HistoryOptions = {}): string[] {
  const currents = o.currentHeads ?? [];
  return historyRevisions(map, o).map((rev) => {
    const current = (o.indicateCurrent ?? false) && currents.includes(rev.revision);
    return o.verbose ? formatLogEntry(rev, { map, current }) : formatHistoryLine(rev, { map, current });
  });
}

/** The revisions `heads` lists: the versioned heads, or with `resolveDependencies` the real heads. */
export function headRevisions(map: RevisionMap, o: { resolveDependencies?: boolean } = {}): Revision[] {
  return o.resolveDependencies ? map.getRevisions("heads") : map.heads.map((id) => map.byId(id)!);
}

/**
 * The output of `heads [-v] [--resolve-dependencies]`: the versioned heads (a head that others
 * only depend on shows `(effective head)`), or with `resolveDependencies` the real heads.
 */
export function headsLines(map: RevisionMap, o: { verbose?: boolean; resolveDependencies?: boolean } = {}): string[] {
  return headRevisions(map, o).map((rev) =>
    o.verbose ? formatLogEntry(rev, { map }) : formatHeadOnly(rev, { includeBranches: true, treeIndicators: false }),
  );
}

/**
 * The output of `branches [-v]`: one block per branch point, newest first, the branch point then
 * one `   -> child` line per branch; each block ends with a newline (print it followed by one more).
 */
export function branchesLines(map: RevisionMap, o: { verbose?: boolean } = {}): string[] {
  const blocks: string[] = [];
  for (const rev of map.iterateRevisions("heads", "base", { inclusive: true, assertRelativeLength: false })) {
    if (!rev.isBranchPoint) continue;
    const head = o.verbose ? formatLogEntry(rev, { map }) : formatHeadOnly(rev, { includeBranches: true });
    const pad = " ".repeat(rev.revision.length);
    const children = rev.nextRevs.map(
      (id) => `${pad} -> ${formatHeadOnly(map.byId(id)!, { includeBranches: true, includeDoc: o.verbose ?? false })}`,
    );
    blocks.push(`${head}\n${children.join("\n")}\n`);
  }
  return blocks;
}

/**
 * The output of `current [-v]` for the given version-table heads: every current revision,
 * including effective heads implied through dependencies. The verbose header line (`Current
 * revision(s) for <url>:`) is the caller's.
 */
export function currentLines(
  map: RevisionMap,
  currentHeads: readonly string[],
  o: { verbose?: boolean } = {},
): string[] {
  return map.getAllCurrent(currentHeads).map((rev) => (o.verbose ? formatLogEntry(rev, { map }) : formatHeadOnly(rev)));
}

/** The revisions a symbol names, for `show REV` (`current` needs `currentHeads`). */
export function showRevisions(
  map: RevisionMap,
  target: string,
  o: { currentHeads?: readonly string[] } = {},
): Revision[] {
  if (target !== "current") return map.getRevisions(target);
  if (o.currentHeads === undefined) throw new CommandError("show current needs the database's current heads");
  return map.getRevisions(o.currentHeads);
}

/** The output of `show REV`: one log entry per revision the symbol names (`current` needs `currentHeads`). */
export function showEntries(map: RevisionMap, target: string, o: { currentHeads?: readonly string[] } = {}): string[] {
  return showRevisions(map, target, o).map((rev) => formatLogEntry(rev, { map }));
}

function isEmpty(id: RevisionIdentifier): boolean {
  return id === null || id === "" || (Array.isArray(id) && id.length === 0);
}

function describe(id: RevisionIdentifier): string {
  return id === null ? "base" : typeof id === "string" ? id : id.join(", ");
}

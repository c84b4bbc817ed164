import { CommandError } from "@autogen/core";
import type { RevisionMap } from "./revision-map";

/**
 * The version-table heads an offline (`--sql`) run starts from, given the FROM side of
 * `FROM:TO`: none for null or `base`, else the one revision it names (a partial id or label is
 * resolved to the full id), as Alembic's `MigrationContext.get_current_heads` does in SQL mode.
 */
export function startingHeads(map: RevisionMap, from: string | null): string[] {
  if (from === null || from === "" || from === "base") return [];
  const rev = map.getRevision(from);
  return rev ? [rev.revision] : [];
}

/**
 * Whether the database is at the script heads: the revisions its version table names are exactly
 * the `heads` of the graph. `revision --autogenerate` and `check` refuse to run otherwise.
 */
export function isUpToDate(map: RevisionMap, currentHeads: readonly string[]): boolean {
  const current = new Set(map.getRevisions(currentHeads));
  const heads = new Set(map.getRevisions("heads"));
  return current.size === heads.size && [...heads].every((h) => current.has(h));
}

/** Throws Alembic's `Target database is not up to date.` unless {@link isUpToDate}. */
export function assertUpToDate(map: RevisionMap, currentHeads: readonly string[]): void {
  if (!isUpToDate(map, currentHeads)) throw new CommandError("Target database is not up to date.");
}

import { catchRevisionErrors } from "./catch-revision-errors";
import type { MigrationStep } from "./migration-step";
import { buildSteps } from "./plan-steps";
import type { RevisionMap } from "./revision-map";

/**
 * The steps of `upgrade <target>` from the given version-table heads, oldest first, each with its
 * version-table changes. Targets: `head`, `heads`, a full or partial id, a branch label,
 * `label@head`, `+N`, `ID+N`, `label@+N`, `ID-N`, ... (Alembic's `ScriptDirectory._upgrade_revs`).
 * Errors are Alembic's command texts, e.g. `Destination X is not a valid upgrade target from
 * current head(s)` or the multiple-heads text naming `'<branchname>@head'` and `'heads'`.
 */
export function planUpgrade(map: RevisionMap, currentHeads: readonly string[], target: string): MigrationStep[] {
  const revisions = catchRevisionErrors(() => map.iterateRevisions(target, currentHeads, { implicitBase: true }), {
    ancestor: ({ end }) => `Destination ${end} is not a valid upgrade target from current head(s)`,
    end: target,
  });
  return buildSteps(map, currentHeads, revisions.reverse(), "upgrade");
}

import { catchRevisionErrors } from "./catch-revision-errors";
import type { MigrationStep } from "./migration-step";
import { buildSteps } from "./plan-steps";
import type { RevisionMap } from "./revision-map";

/**
 * The steps of `downgrade <target>` from the given version-table heads, newest first. Targets:
 * `base`, `-N`, an id, `label@base`, `label@-N`, `label@ID`, `ID+N`, ... (Alembic's
 * `ScriptDirectory._downgrade_revs`). `onWarning` receives Alembic's warning for `-1` from several
 * heads. Errors are Alembic's command texts, e.g. `Destination X is not a valid downgrade target
 * from current head(s)`.
 */
export function planDowngrade(
  map: RevisionMap,
  currentHeads: readonly string[],
  target: string,
  o: { onWarning?: (message: string) => void } = {},
): MigrationStep[] {
  const revisions = catchRevisionErrors(
    () => map.iterateRevisions(currentHeads, target, { selectForDowngrade: true, onWarning: o.onWarning }),
    {
      ancestor: ({ end }) => `Destination ${end} is not a valid downgrade target from current head(s)`,
      end: target,
    },
  );
  return buildSteps(map, currentHeads, revisions, "downgrade");
}

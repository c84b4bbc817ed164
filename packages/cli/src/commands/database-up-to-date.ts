import { CommandError } from "@autogen/core";
import type { ScriptDirectory } from "@autogen/script";
import type { ResolvedConfig } from "../config";
import type { DatabaseSession } from "../database-session";
import { readCurrentHeads, sameRevisions, scriptHeads } from "./current-heads";

/**
 * Autogenerate compares entities with the database as it is; a database behind the script
 * heads would make the new revision repeat pending ones, so Alembic refuses it.
 *
 * @throws CommandError `Target database is not up to date.`
 */
export async function assertDatabaseUpToDate(
  config: ResolvedConfig,
  script: ScriptDirectory,
  session: DatabaseSession,
): Promise<void> {
  const current = await readCurrentHeads(config, session);
  if (!sameRevisions(current, scriptHeads(script))) throw new CommandError("Target database is not up to date.");
}

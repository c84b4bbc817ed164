import type { ScriptDirectory } from "@autogen/script";
import type { ResolvedConfig } from "../config";
import type { DatabaseSession } from "../database-session";
import { scriptModule } from "../lazy-modules";
import { readCurrentHeads } from "./current-heads";

/**
 * Autogenerate compares entities with the database as it is; a database behind the script
 * heads would make the new revision repeat pending ones, so Alembic refuses it. The rule is
 * script's `assertUpToDate`; this reads the heads it is given.
 *
 * @throws CommandError `Target database is not up to date.`
 */
export async function assertDatabaseUpToDate(
  config: ResolvedConfig,
  script: ScriptDirectory,
  session: DatabaseSession,
): Promise<void> {
  const current = await readCurrentHeads(config, session);
  const s = scriptModule();
  s.catchRevisionErrors(() => s.assertUpToDate(script.map, current));
}

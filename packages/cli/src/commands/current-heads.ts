import type { ScriptDirectory } from "@autogen/script";
import type { ResolvedConfig } from "../config";
import type { DatabaseSession } from "../database-session";
import { runtimeModule } from "../lazy-modules";

/** The heads recorded in the version table (empty when it does not exist; it is never created here). */
export async function readCurrentHeads(config: ResolvedConfig, session: DatabaseSession): Promise<string[]> {
  return await runtimeModule().currentHeads({
    dialect: session.dialect,
    connection: session.connection,
    ...(config.versionTable !== undefined && { versionTable: config.versionTable }),
    ...(config.versionTableSchema !== undefined && { versionTableSchema: config.versionTableSchema }),
  });
}

/** The script's real heads (Alembic's `heads` symbol: no children, dependencies included). */
export function scriptHeads(script: ScriptDirectory): string[] {
  return script.map.getRevisions("heads").map((r) => r.revision);
}

/** True when the two sets of revision ids are equal. */
export function sameRevisions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

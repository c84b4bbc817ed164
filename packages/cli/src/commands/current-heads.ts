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

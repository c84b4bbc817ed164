import type { AutogenConfig } from "../config";
import type { RunCommandOptions } from "../command-options";
import { runMigrationCommand } from "./migration-run";

/**
 * Upgrades to a later version (Alembic's `upgrade`). `target` is `head`, `heads`, an id or
 * partial id, `+N`, `ID+N`, `branch@head`...; with `sql: true` also `FROM:TO`, and the SQL is
 * returned instead of run (no connection is made).
 *
 * @returns the offline SQL text with `sql: true`, else undefined.
 */
export async function upgrade(
  config: AutogenConfig,
  target: string,
  o: RunCommandOptions & { sql: true },
): Promise<string>;
export async function upgrade(
  config: AutogenConfig,
  target: string,
  o?: RunCommandOptions,
): Promise<string | undefined>;
export async function upgrade(
  config: AutogenConfig,
  target: string,
  o: RunCommandOptions = {},
): Promise<string | undefined> {
  return runMigrationCommand("upgrade", config, target, o);
}

import type { AutogenConfig } from "../config";
import type { RunCommandOptions } from "../command-options";
import { runMigrationCommand } from "./migration-run";

/**
 * Reverts to a previous version (Alembic's `downgrade`). `target` is `base`, an id, `-N`,
 * `branch@-N`...; offline (`sql: true`) it must be `FROM:TO`, since there is no database to
 * read the current version from.
 *
 * @returns the offline SQL text with `sql: true`, else undefined.
 */
export async function downgrade(
  config: AutogenConfig,
  target: string,
  o: RunCommandOptions & { sql: true },
): Promise<string>;
export async function downgrade(
  config: AutogenConfig,
  target: string,
  o?: RunCommandOptions,
): Promise<string | undefined>;
export async function downgrade(
  config: AutogenConfig,
  target: string,
  o: RunCommandOptions = {},
): Promise<string | undefined> {
  return runMigrationCommand("downgrade", config, target, o);
}

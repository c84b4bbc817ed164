import type { AutogenConfig } from "../config";
import type { RunCommandOptions } from "../command-options";
import { offlineDialect, withDatabaseSession } from "../database-session";
import { runtimeModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { baseRunOptions } from "../run-options";
import { loadScriptDirectory } from "../script-directory";
import { runTarget } from "./upgrade";

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
  const cfg = resolveConfig(config, { x: o.x });
  const { startingRev, destination } = runTarget(target, o, "downgrade");
  const script = await loadScriptDirectory(cfg);
  const runtime = runtimeModule();
  const base = baseRunOptions(cfg, script, o);
  if (o.sql) {
    const dialect = await offlineDialect(cfg, o);
    return (await runtime.downgrade({ ...base, target: destination, dialect, sql: true, startingRev })) ?? "";
  }
  await withDatabaseSession(cfg, o, (s) =>
    runtime.downgrade({ ...base, target: destination, dialect: s.dialect, connection: s.connection }),
  );
  return undefined;
}

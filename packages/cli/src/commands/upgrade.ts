import { CommandError } from "@autogen/core";
import type { AutogenConfig } from "../config";
import type { RunCommandOptions } from "../command-options";
import { offlineDialect, withDatabaseSession } from "../database-session";
import { runtimeModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { baseRunOptions } from "../run-options";
import { loadScriptDirectory } from "../script-directory";

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
  const cfg = resolveConfig(config, { x: o.x });
  const { startingRev, destination } = runTarget(target, o, "upgrade");
  const script = await loadScriptDirectory(cfg);
  const runtime = runtimeModule();
  const base = baseRunOptions(cfg, script, o);
  if (o.sql) {
    const dialect = await offlineDialect(cfg, o);
    return (
      (await runtime.upgrade({
        ...base,
        target: destination,
        dialect,
        sql: true,
        ...(startingRev !== undefined && { startingRev }),
      })) ?? ""
    );
  }
  await withDatabaseSession(cfg, o, (s) =>
    runtime.upgrade({ ...base, target: destination, dialect: s.dialect, connection: s.connection }),
  );
  return undefined;
}

/**
 * Where an upgrade or downgrade goes: `FROM:TO` (offline only) gives a starting revision and a
 * destination, anything else is the destination. An offline downgrade needs the range (it cannot
 * ask a database where it starts).
 */
export function runTarget(
  target: string,
  o: { sql?: boolean | undefined },
  direction: "upgrade" | "downgrade",
): { startingRev: string | undefined; destination: string } {
  if (target.includes(":")) {
    if (!o.sql) throw new CommandError("Range revision not allowed");
    const [startingRev, destination] = splitRange(target);
    return { startingRev, destination };
  }
  if (o.sql && direction === "downgrade") throw new CommandError("downgrade with --sql requires <fromrev>:<torev>");
  return { startingRev: undefined, destination: target };
}

/** `FROM:TO` → [FROM, TO]; ids never contain `:`. */
export function splitRange(range: string): [string, string] {
  const at = range.indexOf(":");
  return [range.slice(0, at), range.slice(at + 1)];
}

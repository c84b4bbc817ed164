import { CommandError } from "@autogen/core";
import type { RunOptions } from "@autogen/runtime";
import type { AutogenConfig } from "../config";
import type { RunCommandOptions } from "../command-options";
import { offlineDialect, withDatabaseSession } from "../database-session";
import { runtimeModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { baseRunOptions } from "../run-options";
import { loadScriptDirectory } from "../script-directory";

/** Which way a migration run goes. */
export type Direction = "upgrade" | "downgrade";

/** The options of a run that the command line and config give, without the dialect. */
export type BaseRunOptions = Omit<RunOptions, "dialect">;

/** A connected database to run on. */
export interface OnlineTarget {
  dialect: RunOptions["dialect"];
  connection: NonNullable<RunOptions["connection"]>;
}

/**
 * One direction's run to a target, as `upgrade`, `downgrade` and their `--each` forms start it:
 * `offline` returns the SQL (from the range's start when the target is `FROM:TO`), `online`
 * migrates a connected database.
 */
export interface MigrationRun {
  readonly destination: string;
  offline(base: BaseRunOptions, dialect: RunOptions["dialect"]): Promise<string | undefined>;
  online(base: BaseRunOptions, target: OnlineTarget): Promise<string | undefined>;
}

/** The run of `direction` to `target`; a range or an offline downgrade without one fails here. */
export function migrationRun(direction: Direction, target: string, o: { sql?: boolean | undefined }): MigrationRun {
  const { startingRev, destination } = runTarget(target, o, direction);
  // The runtime loads when a run starts, not when the command is parsed.
  const migrate = (options: RunOptions & { target: string }) => runtimeModule()[direction](options);
  return {
    destination,
    offline: (base, dialect) =>
      migrate({ ...base, target: destination, dialect, sql: true, ...(startingRev !== undefined && { startingRev }) }),
    online: (base, { dialect, connection }) => migrate({ ...base, target: destination, dialect, connection }),
  };
}

/** `upgrade` or `downgrade` on the configured database, or as SQL text with `sql: true`. */
export async function runMigrationCommand(
  direction: Direction,
  config: AutogenConfig,
  target: string,
  o: RunCommandOptions,
): Promise<string | undefined> {
  const cfg = resolveConfig(config, { x: o.x });
  const run = migrationRun(direction, target, o);
  const script = await loadScriptDirectory(cfg);
  const base = baseRunOptions(cfg, script, o);
  if (o.sql) return (await run.offline(base, await offlineDialect(cfg, o))) ?? "";
  await withDatabaseSession(cfg, o, (s) => run.online(base, s));
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
  direction: Direction,
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

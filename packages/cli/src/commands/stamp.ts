import { CommandError } from "@autogen/core";
import type { AutogenConfig } from "../config";
import type { RunCommandOptions } from "../command-options";
import { offlineDialect, withDatabaseSession } from "../database-session";
import { runtimeModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { baseRunOptions } from "../run-options";
import { loadScriptDirectory } from "../script-directory";
import { splitRange } from "./migration-run";

/** Options of {@link stamp}. */
export interface StampOptions extends RunCommandOptions {
  /** Delete every row of the version table first (e.g. after it was corrupted). */
  purge?: boolean;
}

/**
 * Sets the version table to the given revisions without running any migration (Alembic's
 * `stamp`). Offline, each revision may be `FROM:TO`, all with the same FROM.
 *
 * @returns the offline SQL text with `sql: true`, else undefined.
 */
export async function stamp(
  config: AutogenConfig,
  revisions: string | readonly string[],
  o: StampOptions & { sql: true },
): Promise<string>;
export async function stamp(
  config: AutogenConfig,
  revisions: string | readonly string[],
  o?: StampOptions,
): Promise<string | undefined>;
export async function stamp(
  config: AutogenConfig,
  revisions: string | readonly string[],
  o: StampOptions = {},
): Promise<string | undefined> {
  const cfg = resolveConfig(config, { x: o.x });
  const list = typeof revisions === "string" ? [revisions] : [...revisions];
  if (list.length === 0) throw new CommandError("stamp needs at least one revision");
  if (o.sql && o.purge) throw new CommandError("Can't use --purge with --sql mode");
  let startingRev: string | undefined;
  let destinations = list;
  if (o.sql) {
    const starts = new Set<string>();
    destinations = list.map((r) => {
      if (!r.includes(":")) return r;
      const [from, to] = splitRange(r);
      starts.add(from);
      return to;
    });
    if (starts.size > 1)
      throw new CommandError("Stamp operation with --sql only supports a single starting revision at a time");
    startingRev = [...starts][0];
  } else if (list.some((r) => r.includes(":"))) {
    throw new CommandError("Range revision not allowed");
  }
  const script = await loadScriptDirectory(cfg);
  const runtime = runtimeModule();
  const base = { ...baseRunOptions(cfg, script, o), revisions: destinations, purge: o.purge ?? false };
  if (o.sql) {
    const dialect = await offlineDialect(cfg, o);
    return (
      (await runtime.stamp({ ...base, dialect, sql: true, ...(startingRev !== undefined && { startingRev }) })) ?? ""
    );
  }
  await withDatabaseSession(cfg, o, (s) => runtime.stamp({ ...base, dialect: s.dialect, connection: s.connection }));
  return undefined;
}

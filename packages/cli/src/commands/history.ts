import type { CommandOptions } from "../command-options";
import type { AutogenConfig } from "../config";
import { withDatabaseSession } from "../database-session";
import { scriptModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";
import { readCurrentHeads } from "./current-heads";

/** Options of {@link history}. */
export interface HistoryOptions extends CommandOptions {
  /** `[start]:[end]`; either side may be an id, a relative step, a `label@...` or `current`. */
  revRange?: string;
  verbose?: boolean;
  /** Mark the database's current revisions with `(current)` (connects to the database). */
  indicateCurrent?: boolean;
}

/**
 * The revisions newest first (Alembic's `history`). Reads only the revision files' headers,
 * and the database only when `current` is asked for.
 *
 * @returns the lines `autogen history` prints.
 */
export async function history(config: AutogenConfig, o: HistoryOptions = {}): Promise<string[]> {
  const cfg = resolveConfig(config, { x: o.x });
  const script = await loadScriptDirectory(cfg);
  const needsDatabase = o.indicateCurrent === true || (o.revRange ?? "").split(":").includes("current");
  const currentHeads = needsDatabase ? await withDatabaseSession(cfg, o, (s) => readCurrentHeads(cfg, s)) : undefined;
  return scriptModule().history(script.map, {
    ...(o.revRange !== undefined && { range: o.revRange }),
    ...(currentHeads !== undefined && { currentHeads }),
    verbose: o.verbose ?? false,
    indicateCurrent: o.indicateCurrent ?? false,
  });
}

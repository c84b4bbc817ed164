import type { CommandOptions } from "../command-options";
import type { AutogenConfig } from "../config";
import { withDatabaseSession } from "../database-session";
import { scriptModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";
import { readCurrentHeads } from "./current-heads";

/**
 * The revision(s) a symbol names, as verbose log entries (Alembic's `show`). Only `current`
 * reads the database.
 *
 * @returns the lines `autogen show REV` prints.
 */
export async function show(config: AutogenConfig, rev: string, o: CommandOptions = {}): Promise<string[]> {
  const cfg = resolveConfig(config, { x: o.x });
  const script = await loadScriptDirectory(cfg);
  const s = scriptModule();
  const currentHeads =
    rev === "current" ? await withDatabaseSession(cfg, o, (session) => readCurrentHeads(cfg, session)) : undefined;
  return s.catchRevisionErrors(() =>
    s.showEntries(script.map, rev, currentHeads === undefined ? {} : { currentHeads }),
  );
}

import type { RevisionJson } from "@autogen/script";
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
  /** `json` returns a {@link HistoryJson} instead of the lines; default `text`. */
  format?: "text" | "json";
}

/** `history --format json`. */
export interface HistoryJson {
  /** Newest first, as the text lists them. */
  readonly revisions: readonly RevisionJson[];
  /** The version table's heads when the database was read (`indicateCurrent`, `current` in the range), else null. */
  readonly currentHeads: readonly string[] | null;
}

/**
 * The revisions newest first (Alembic's `history`). Reads only the revision files' headers,
 * and the database only when `current` is asked for.
 *
 * @returns the lines `autogen history` prints, or with `format: "json"` its JSON document.
 */
export async function history(config: AutogenConfig, o: HistoryOptions & { format: "json" }): Promise<HistoryJson>;
export async function history(config: AutogenConfig, o?: HistoryOptions & { format?: "text" }): Promise<string[]>;
export async function history(config: AutogenConfig, o: HistoryOptions = {}): Promise<string[] | HistoryJson> {
  const cfg = resolveConfig(config, { x: o.x });
  const script = await loadScriptDirectory(cfg);
  const needsDatabase = o.indicateCurrent === true || (o.revRange ?? "").split(":").includes("current");
  const currentHeads = needsDatabase ? await withDatabaseSession(cfg, o, (s) => readCurrentHeads(cfg, s)) : undefined;
  const s = scriptModule();
  const options = {
    ...(o.revRange !== undefined && { range: o.revRange }),
    ...(currentHeads !== undefined && { currentHeads }),
    verbose: o.verbose ?? false,
    indicateCurrent: o.indicateCurrent ?? false,
  };
  if (o.format === "json") {
    return {
      revisions: s.historyRevisions(script.map, options).map(s.revisionJson),
      currentHeads: currentHeads ?? null,
    };
  }
  return s.history(script.map, options);
}

import { CommandError } from "@autogen/core";
import type { RevisionJson } from "@autogen/script";
import type { CommandOptions } from "../command-options";
import type { AutogenConfig } from "../config";
import { withDatabaseSession } from "../database-session";
import { runtimeModule, scriptModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";
import { readCurrentHeads } from "./current-heads";

/** Options of {@link current}. */
export interface CurrentOptions extends CommandOptions {
  verbose?: boolean;
  /** Fail unless the database is at every script head (Alembic's `--check-heads`). */
  checkHeads?: boolean;
  /** `json` returns a {@link CurrentJson} instead of the lines; default `text`. */
  format?: "text" | "json";
}

/** `current --format json`. */
export interface CurrentJson {
  /** The database asked: its URL with the password masked, or `the given connection`. */
  readonly database: string;
  /** The rows of the version table (empty when it is empty or does not exist). */
  readonly currentHeads: readonly string[];
  /** Every current revision, including effective heads implied through dependencies (what the text lists). */
  readonly current: readonly RevisionJson[];
}

/**
 * The database's current revision(s) (Alembic's `current`): `<id> (head)` per current
 * revision, or a log entry each with `verbose`. A revision a dead run left partly applied (see
 * the runtime's RevisionsTable) is reported through `warn`, one line with what to do, and so
 * is an applied revision whose file changed since it ran (its recorded checksum differs).
 *
 * @returns the lines `autogen current` prints, or with `format: "json"` its JSON document.
 * @throws CommandError `Database is not on all head revisions` with `checkHeads`.
 */
export async function current(config: AutogenConfig, o: CurrentOptions & { format: "json" }): Promise<CurrentJson>;
export async function current(config: AutogenConfig, o?: CurrentOptions & { format?: "text" }): Promise<string[]>;
export async function current(config: AutogenConfig, o: CurrentOptions = {}): Promise<string[] | CurrentJson> {
  const cfg = resolveConfig(config, { x: o.x });
  const script = await loadScriptDirectory(cfg);
  const s = scriptModule();
  return await withDatabaseSession(cfg, o, async (session) => {
    const heads = await readCurrentHeads(cfg, session);
    const tables = {
      dialect: session.dialect,
      connection: session.connection,
      script,
      ...(cfg.versionTable !== undefined && { versionTable: cfg.versionTable }),
      ...(cfg.versionTableSchema !== undefined && { versionTableSchema: cfg.versionTableSchema }),
    };
    // A revision a dead run left half done: the heads alone would look like a clean database.
    for (const line of await runtimeModule().partlyAppliedRevisions(tables))
      (o.warn ?? ((l: string) => process.emitWarning(l, "AutogenPartlyAppliedRevision")))(line);
    // An applied revision whose file was edited since: the file no longer says what the database holds.
    for (const changed of await runtimeModule().changedRevisionFiles(tables))
      (o.warn ?? ((l: string) => process.emitWarning(l, "AutogenChangedRevision")))(changed.message);
    if (o.checkHeads && !s.catchRevisionErrors(() => s.isUpToDate(script.map, heads))) {
      throw new CommandError("Database is not on all head revisions");
    }
    if (o.format === "json") {
      const current = s.catchRevisionErrors(() => script.map.getAllCurrent(heads));
      return { database: describeTarget(cfg, o), currentHeads: heads, current: current.map(s.revisionJson) };
    }
    const lines = s.catchRevisionErrors(() => s.currentLines(script.map, heads, { verbose: o.verbose }));
    return o.verbose ? [`Current revision(s) for ${describeTarget(cfg, o)}:`, ...lines] : lines;
  });
}

function describeTarget(config: { url?: string }, o: CommandOptions): string {
  if (o.connection) return "the given connection";
  return (require("@autogen/dialects") as typeof import("@autogen/dialects")).maskUrl(config.url ?? "");
}

import type { RevisionJson } from "@autogen/script";
import type { CommandOptions } from "../command-options";
import type { AutogenConfig } from "../config";
import { offlineDialect, withDatabaseSession } from "../database-session";
import { revisionSummaryModule, scriptModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";
import { readCurrentHeads } from "./current-heads";

/** Options of {@link show}. */
export interface ShowOptions extends CommandOptions {
  /**
   * `json` returns a {@link ShowJson} instead of the log entries; `markdown` a pull-request
   * summary of each revision (parents, tables touched, its ops in words, a DDL diff per schema
   * object it changes), read without a database. Default `text`.
   */
  format?: "text" | "json" | "markdown";
}

/** `show REV --format json`. */
export interface ShowJson {
  /** The revisions the symbol names (several for `heads`, a branch point's children...). */
  readonly revisions: readonly RevisionJson[];
}

/**
 * The revision(s) a symbol names, as verbose log entries (Alembic's `show`). Only `current`
 * reads the database.
 *
 * @returns the lines `autogen show REV` prints, with `format: "json"` its JSON document, with
 *   `format: "markdown"` the Markdown text.
 */
export async function show(config: AutogenConfig, rev: string, o: ShowOptions & { format: "json" }): Promise<ShowJson>;
export async function show(
  config: AutogenConfig,
  rev: string,
  o: ShowOptions & { format: "markdown" },
): Promise<string>;
export async function show(
  config: AutogenConfig,
  rev: string,
  o?: ShowOptions & { format?: "text" },
): Promise<string[]>;
export async function show(
  config: AutogenConfig,
  rev: string,
  o: ShowOptions = {},
): Promise<string[] | ShowJson | string> {
  const cfg = resolveConfig(config, { x: o.x });
  const script = await loadScriptDirectory(cfg);
  const s = scriptModule();
  const currentHeads =
    rev === "current" ? await withDatabaseSession(cfg, o, (session) => readCurrentHeads(cfg, session)) : undefined;
  const options = currentHeads === undefined ? {} : { currentHeads };
  if (o.format === "markdown") {
    const revisions = s.catchRevisionErrors(() => s.showRevisions(script.map, rev, options));
    const dialect = await offlineDialect(cfg, o, "show --format markdown");
    const summary = revisionSummaryModule();
    const parts: string[] = [];
    for (const r of revisions) {
      const x = { ...cfg.xArgs };
      parts.push(summary.revisionSummaryMarkdown(await summary.summarizeRevision(script.map, r, { dialect, x })));
    }
    return parts.join("\n");
  }
  if (o.format === "json") {
    return { revisions: s.catchRevisionErrors(() => s.showRevisions(script.map, rev, options)).map(s.revisionJson) };
  }
  return s.catchRevisionErrors(() => s.showEntries(script.map, rev, options));
}

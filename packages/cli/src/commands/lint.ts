import { DatabaseError } from "@autogen/core";
import type { Revision } from "@autogen/script";
import type { CommandOptions } from "../command-options";
import type { AutogenConfig, ResolvedConfig } from "../config";
import { offlineDialect, withDatabaseSession } from "../database-session";
import { lintRevisionsModule, scriptModule } from "../lazy-modules";
import type { LintResult } from "../lint/lint-result";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";
import type { ScriptDirectory } from "@autogen/script";
import { readCurrentHeads } from "./current-heads";

export type { LintResult, LintFinding } from "../lint/lint-result";

/**
 * Classifies the upgrade ops of revision files without touching a database (README "Risky changes are
 * never silent"): each revision's upgrade() runs against a recording `op`, the dialect of the
 * config's URL classifies the ops, and every risk must be acknowledged in the file, by a
 * `// risk <code> (acknowledged)` comment directly above its op. `ok` is false otherwise (the
 * CLI exits 1).
 *
 * @param range `FROM:TO`, `FROM:`, `:TO` or `TO`, as `verify` takes it (the revisions after FROM
 *   up to TO). Default: the revisions the database has not applied when it can be reached,
 *   else all of them.
 */
export async function lint(config: AutogenConfig, range?: string, o: CommandOptions = {}): Promise<LintResult> {
  const cfg = resolveConfig(config, { x: o.x });
  const script = await loadScriptDirectory(cfg);
  const dialect = await offlineDialect(cfg, o, "lint");
  const { revisions, selection } = await revisionsToLint(cfg, script, range, o);
  const findings = await lintRevisionsModule().lintRevisions(revisions, dialect, cfg.xArgs);
  return {
    ok: findings.every((f) => f.acknowledged),
    dialect: dialect.name,
    revisions: revisions.map((r) => r.revision),
    selection,
    findings,
  };
}

async function revisionsToLint(
  cfg: ResolvedConfig,
  script: ScriptDirectory,
  range: string | undefined,
  o: CommandOptions,
): Promise<{ revisions: Revision[]; selection: LintResult["selection"] }> {
  const s = scriptModule();
  const upgradeFrom = (heads: readonly string[], to: string): Revision[] =>
    s.planUpgrade(script.map, heads, to).map((step) => step.revision);
  if (range !== undefined && range !== "") {
    const { from, to } = range.includes(":") ? s.parseRange(range) : { from: null, to: range };
    const heads =
      from === null || from === "base"
        ? []
        : s.catchRevisionErrors(() => script.map.getRevisions(from).map((r) => r.revision));
    return { revisions: upgradeFrom(heads, to ?? "heads"), selection: "range" };
  }
  const applied = await appliedHeads(cfg, o);
  if (applied === null) return { revisions: upgradeFrom([], "heads"), selection: "all" };
  return { revisions: upgradeFrom(applied, "heads"), selection: "unapplied" };
}

/** The database's current heads, or null when there is no database to ask or it cannot be reached. */
async function appliedHeads(cfg: ResolvedConfig, o: CommandOptions): Promise<string[] | null> {
  if (!cfg.url && (o.connection === undefined || o.connection === null)) return null;
  try {
    return await withDatabaseSession(cfg, o, (session) => readCurrentHeads(cfg, session));
  } catch (err) {
    if (!(err instanceof DatabaseError)) throw err;
    o.log?.(`The database cannot be reached (${err.message}): linting every revision`);
    return null;
  }
}

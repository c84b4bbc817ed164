import type { CommandOptions } from "../command-options";
import type { AutogenConfig, ResolvedConfig } from "../config";
import type { ScriptDirectory } from "@autogen/script";
import { applyOnConnect } from "../database-session";
import { verifyHistoryModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";
import { appliedFileChanges } from "../verify/applied-file-changes";
import { withInterruptCleanup } from "../verify/interrupt-guard";
import { createScratchTarget, type ScratchTarget } from "../verify/scratch-target";
import type { VerifyProblem, VerifyResult } from "../verify/verify-result";

export type { VerifyResult, VerifyProblem, VerifyProblemKind } from "../verify/verify-result";

/** Options of {@link verify}. */
export interface VerifyOptions extends CommandOptions {}

/**
 * Proves the revision files on a scratch database (the README's "Prove a history before it ships"): a fresh
 * database on the server of `shadowUrl`, else of `url` (a temp file for SQLite; PGlite when a
 * PostgreSQL login may not create databases). Every upgrade of `range` (default: base to the
 * heads) runs one at a time, the schema at the end is compared with the models, and every
 * downgrade must give back the schema of the step before. The scratch database is dropped
 * afterwards, also on failure and on Ctrl-C. The project's own database (`url`), when it can be
 * opened, is asked which revisions it applied: a revision file changed since it ran there is a
 * `file-changed` finding.
 *
 * @param range `FROM:TO`, `FROM:`, `:TO` or `TO`: the revisions up to FROM are applied without
 *   being checked.
 * @returns the findings; `ok` is false when any was made (the CLI exits 1).
 */
export async function verify(config: AutogenConfig, range?: string, o: VerifyOptions = {}): Promise<VerifyResult> {
  const cfg = resolveConfig(config, { x: o.x });
  const script = await loadScriptDirectory(cfg);
  // The project's database, not the scratch one: has it run a file that was edited since?
  const changed = await appliedFileChanges(cfg, script, o);
  return withFindings(await proveHistory(cfg, script, range, o), changed);
}

/** A proof's result with more findings (the file-changed ones of one database). */
export function withFindings(proof: VerifyResult, more: readonly VerifyProblem[]): VerifyResult {
  const problems = [...proof.problems, ...more];
  return { ...proof, ok: problems.length === 0, problems };
}

/**
 * The proof part of {@link verify}, on a scratch database of its own: every upgrade of `range`,
 * the end state against the models, every downgrade back. It reads nothing of the project's own
 * database, so targets whose scratch databases would be made on one server share one proof.
 */
export async function proveHistory(
  cfg: ResolvedConfig,
  script: ScriptDirectory,
  range: string | undefined,
  o: VerifyOptions = {},
): Promise<VerifyResult> {
  const d = require("@autogen/dialects") as typeof import("@autogen/dialects");
  let target: ScratchTarget | undefined;
  return await withInterruptCleanup(
    async () => {
      await target?.database.drop();
    },
    async () => {
      target = await createScratchTarget(cfg, o);
      o.log?.(`${target.note}; it is dropped afterwards`);
      const connection = await target.database.connect();
      const dialect = d.getDialect(connection.dialect);
      await applyOnConnect(cfg, connection, dialect);
      const pglite = target.database.url.startsWith("pglite:");
      const findings = await verifyHistoryModule().verifyHistory({
        config: cfg,
        script,
        dialect,
        connection,
        ...(range !== undefined && { range }),
        ...(o.log && { log: o.log }),
        ...(o.warn && { warn: o.warn }),
        ...(pglite && { explainFailure: d.explainPgliteFailure }),
      });
      return {
        ok: findings.problems.length === 0,
        scratch: target.database.description,
        scratchSource: target.source,
        revisions: findings.revisions,
        modelsCompared: findings.modelsCompared,
        problems: findings.problems,
      };
    },
  );
}

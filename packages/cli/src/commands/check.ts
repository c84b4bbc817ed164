import { MigrationScript, collectRisks, type OpNode, type Risk } from "@autogen/core";
import type { RenameCandidate } from "@autogen/compare";
import type { CommandOptions } from "../command-options";
import type { AutogenConfig } from "../config";
import type { ModelCache } from "../autogenerate";
import { withDatabaseSession } from "../database-session";
import { autogenerateModule, rendererModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import type { RenameOptions } from "../rename-options";
import { loadScriptDirectory } from "../script-directory";
import { reportChanges } from "../review/report-changes";
import { assertDatabaseUpToDate } from "./database-up-to-date";

/** What {@link check} found. */
export interface CheckResult {
  /** True when autogenerate finds nothing to do. */
  readonly upToDate: boolean;
  /** The revision autogenerate would write (empty op trees when up to date); each upgrade op carries its `risks`. */
  readonly ops: MigrationScript;
  /** Every risk of the upgrade ops, in op order (README "Risk codes"). */
  readonly risks: readonly Risk[];
  /**
   * The rename candidates left as a drop plus an add in `ops` (no hint or `confirmRename`
   * confirmed them): each loses the data of what it drops when run as it is.
   */
  readonly renameCandidates: readonly RenameCandidate[];
}

/** Options of {@link check}: the common ones and how rename candidates are resolved (never by a question). */
export interface CheckOptions extends CommandOptions, RenameOptions {
  /** Models already built in this run, reused by dialect and server version (`check --each`). */
  models?: ModelCache;
}

/**
 * Runs autogenerate without writing anything (Alembic's `check`): tells whether the entities
 * match the database, and what the pending ops risk (each change to `o.info`, each risk to
 * `o.warn`). The CLI exits 1 when they do not match.
 */
export async function check(config: AutogenConfig, o: CheckOptions = {}): Promise<CheckResult> {
  const cfg = resolveConfig(config, { x: o.x });
  const renames = autogenerateModule().renameResolution(o);
  let renameCandidates: readonly RenameCandidate[] = [];
  const script = await loadScriptDirectory(cfg);
  const plan = script.planNewRevision({ head: "head" });
  const directives = await withDatabaseSession(cfg, o, async (session) => {
    await assertDatabaseUpToDate(cfg, script, session);
    return await autogenerateModule().autogenerate({
      config: cfg,
      connection: session.connection,
      dialect: session.dialect,
      script,
      ...(o.warn && { warn: o.warn }),
      renames,
      ...(o.models && { models: o.models }),
      ...(o.onProgress && { onProgress: o.onProgress }),
      onUnresolvedRenames: (c) => (renameCandidates = c),
      revision: {
        revId: plan.revId,
        message: null,
        downRevision: plan.downRevision,
        branchLabels: null,
        dependsOn: null,
        versionPath: plan.versionPath,
      },
    });
  });
  // A processRevisionDirectives hook that drops the revision means there is nothing to write.
  const ops = directives.at(-1) ?? MigrationScript.create({ ...plan, message: null });
  reportChanges(ops, o);
  return { upToDate: MigrationScript.isEmpty(ops), ops, risks: collectRisks(ops.upgradeOps.ops), renameCandidates };
}

/** The pending upgrade ops as the code a revision would hold, for `autogen check`'s report. */
export function describePendingOps(script: MigrationScript): string[] {
  const renderer = rendererModule();
  return ["New upgrade operations detected:", ...renderer.renderOps(script.upgradeOps.ops).map((l) => `  ${l}`)];
}

/** A one-line list of the pending ops (`AddColumnOp account.overdrawn, CreateTableOp audit`). */
export function summarizePendingOps(script: MigrationScript): string {
  return script.upgradeOps.ops.map(describeOp).join(", ");
}

/** One op as `AddColumnOp account.overdrawn` (a table's container: its ops, comma-separated). */
export function describeOp(op: OpNode): string {
  const o = op as OpNode & {
    table?: { name?: string } | string;
    column?: { name?: string } | string;
    name?: string;
    ops?: readonly OpNode[];
  };
  if (o.kind === "ModifyTableOps" && o.ops) return o.ops.map(describeOp).join(", ");
  const table = typeof o.table === "string" ? o.table : o.table?.name;
  const column = typeof o.column === "string" ? o.column : o.column?.name;
  const target = [table ?? o.name, column].filter((s) => s !== undefined && s !== null).join(".");
  return target ? `${o.kind} ${target}` : o.kind;
}

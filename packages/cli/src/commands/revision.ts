import { CommandError, MigrationScript, type Schema } from "@autogen/core";
import type { RenameCandidate } from "@autogen/compare";
import type { RenderOptions } from "@autogen/renderer";
import { batchCopyFrom } from "../batch-copy-from";
import type { CommandOptions } from "../command-options";
import type { AutogenConfig } from "../config";
import { withDatabaseSession } from "../database-session";
import { autogenerateModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import type { RenameOptions } from "../rename-options";
import { loadScriptDirectory } from "../script-directory";
import { reportChanges } from "../review/report-changes";
import { writeRevisionFile } from "../write-revision-file";
import { assertDatabaseUpToDate } from "./database-up-to-date";

/** Options of {@link revision} (Alembic's `revision` flags). */
export interface RevisionOptions extends CommandOptions, RenameOptions {
  /** The docstring's first line and the file name's slug (default `empty message`). */
  message?: string;
  /** Fill the revision with the ops that make the database match the entities. */
  autogenerate?: boolean;
  /**
   * With `autogenerate`: compare the entities with an empty database, not the live one, so the
   * revision creates the whole schema. The first revision of a project adopting autogen on
   * databases that already have that schema: `stamp head` then marks it applied on each of them.
   * The new revision must be a root (no revisions yet, or `head: "base"`).
   */
  baseline?: boolean;
  /** Refused, as in Alembic: a plain revision has no SQL, autogenerate needs a database. */
  sql?: boolean;
  /** The revision to base the new one on (default `head`); `base` starts a new root. */
  head?: string;
  /** Allow `head` to be a non-head revision, creating a new branch. */
  splice?: boolean;
  branchLabel?: string | readonly string[];
  dependsOn?: string | readonly string[];
  /** A hard-coded revision id instead of a generated one. */
  revId?: string;
  /** The version location to write the file into. */
  versionPath?: string;
  /**
   * The terminal's y/N question about a rename candidate (the CLI passes it when stdin and
   * stderr are terminals); it comes after the hints and instead of `confirmRename`.
   */
  askRename?: (candidate: RenameCandidate) => Promise<boolean>;
}

const asList = (v: string | readonly string[] | undefined): string[] | undefined =>
  v === undefined ? undefined : typeof v === "string" ? [v] : [...v];

/**
 * Creates a new revision file (Alembic's `revision`). With `autogenerate`, the database must
 * be at the script heads; the entities are compared with it and the ops rendered, each with
 * its risks as comments above it (reported to `o.info` and `o.warn` as well).
 *
 * @returns the path of the file written, or null when processRevisionDirectives removed it.
 */
export async function revision(config: AutogenConfig, o: RevisionOptions = {}): Promise<string | null> {
  const cfg = resolveConfig(config, { x: o.x });
  if (o.sql && o.autogenerate) throw new CommandError("Using --sql with --autogenerate does not make any sense");
  if (o.sql) {
    throw new CommandError(
      "Using --sql with the revision command when revision_environment is not configured does not make any sense",
    );
  }
  if (o.baseline && !o.autogenerate) throw new CommandError("--baseline needs --autogenerate");
  if (!o.autogenerate && o.renames?.length) throw new CommandError("--rename needs --autogenerate");
  // Hints are parsed before the database is opened, so a malformed one fails first.
  const renames = o.autogenerate
    ? autogenerateModule().renameResolution({ ...o, ...(o.askRename && { ask: o.askRename }) })
    : undefined;
  const script = await loadScriptDirectory(cfg);
  const plan = script.planNewRevision({
    head: o.head ?? "head",
    splice: o.splice ?? false,
    ...(o.branchLabel !== undefined && { branchLabels: asList(o.branchLabel) }),
    ...(o.dependsOn !== undefined && { dependsOn: asList(o.dependsOn) }),
    ...(o.revId !== undefined && { revId: o.revId }),
    ...(o.versionPath !== undefined && { versionPath: o.versionPath }),
  });
  const message = o.message ?? null;
  const createDate = new Date();
  let directives: readonly MigrationScript[];
  let renderCfg = cfg;
  if (o.baseline && plan.downRevision !== null) {
    throw new CommandError(
      `--baseline writes a first revision, but it would follow ${[plan.downRevision].flat().join(", ")}; give --head base to start a new root`,
    );
  }
  const copyFrom = new Map<MigrationScript, RenderOptions["copyFrom"]>();
  if (o.autogenerate) {
    directives = await withDatabaseSession(cfg, o, async (session) => {
      // A baseline is not compared with the database, so where the database stands does not matter.
      if (!o.baseline) await assertDatabaseUpToDate(cfg, script, session);
      // Table changes render as batch blocks where the dialect must recreate tables (SQLite).
      renderCfg = { ...cfg, renderAsBatch: cfg.renderAsBatch ?? session.dialect.adapter.requiresBatchRecreate };
      let reflected: Schema | undefined;
      const scripts = await autogenerateModule().autogenerate({
        config: cfg,
        connection: session.connection,
        dialect: session.dialect,
        script,
        baseline: o.baseline ?? false,
        ...(o.warn && { warn: o.warn }),
        ...(renames && { renames }),
        ...(o.onProgress && { onProgress: o.onProgress }),
        revision: {
          revId: plan.revId,
          message,
          downRevision: plan.downRevision,
          branchLabels: plan.branchLabels,
          dependsOn: plan.dependsOn,
          versionPath: plan.versionPath,
        },
        onReflected: (schema) => (reflected = schema),
      });
      // Batch blocks that recreate their table carry its definition, so --sql can run them.
      if (renderCfg.renderAsBatch && reflected)
        for (const d of scripts)
          copyFrom.set(d, await batchCopyFrom(session.dialect, session.connection, reflected, d));
      return scripts;
    });
  } else {
    directives = [MigrationScript.create({ ...plan, message })];
  }
  let first: string | null = null;
  for (const d of directives) {
    if (o.autogenerate) reportChanges(d, o);
    const file = await writeRevisionFile(renderCfg, script, d, { createDate, log: o.log, copyFrom: copyFrom.get(d) });
    first ??= file;
  }
  return first;
}

import { CommandError, DatabaseError, DEFAULT_VERSION_TABLE } from "@autogen/core";
import type { Connection, Dialect } from "@autogen/dialects";
import { planDowngrade, planStampSteps, planUpgrade, type MigrationStep, type ScriptDirectory } from "@autogen/script";
import { MigrationContext } from "./migration-context";
import { createOperations } from "./operations";
import type { Operations } from "./operations-api";
import { loadModule } from "./ts-loader";
import { changedRevisions, type ChangedRevision } from "./changed-revisions";
import { revisionFileHash } from "./revision-file-hash";
import { RevisionsTable } from "./revisions-table";
import { appliedRevisions, classifyUnfinished, howToFinish, partlyAppliedMessage } from "./unfinished-runs";
import { VersionTable, type VersionChange, type VersionTableOptions } from "./version-table";

/** Options shared by upgrade, downgrade and stamp (what the CLI passes down). */
export interface RunOptions extends VersionTableOptions {
  script: ScriptDirectory;
  dialect: Dialect;
  /** Online mode: the connection to migrate. Ignored with `sql: true`. */
  connection?: Connection;
  /** Offline mode (`--sql`): no database; the SQL text is returned. */
  sql?: boolean;
  /** Offline only: the revision the database is assumed to be at (FROM of `FROM:TO`). */
  startingRev?: string;
  /** The `-x` arguments, for `op.context.getXArgument()`. */
  x?: Record<string, string>;
  tag?: string;
  /** One transaction per revision instead of one for the run (transactional dialects). */
  transactionPerMigration?: boolean;
  /** Receives the "Running upgrade a -> b, msg" lines. */
  log?: (line: string) => void;
  /**
   * Online upgrades and downgrades: receives one line per applied revision whose file changed
   * since it ran (see {@link changedRevisionFiles}); the run goes on.
   */
  warn?: (line: string) => void;
  /** Receives every statement executed online, in order (tests compare it with --sql). */
  onStatement?: (sql: string) => void;
  /** How long to wait for another run's lock. Default 5 minutes. */
  lockTimeoutMs?: number;
  /**
   * Online: checked before each revision. Once aborted, no further revision starts: those that
   * ran are committed, then the run throws {@link RunInterruptedError} (Ctrl-C of a fleet run).
   */
  signal?: AbortSignal;
}

/**
 * A run stopped by its `signal` between two revisions: what ran is committed and recorded, the
 * rest is left for the next run. Exit 2 when it reaches the CLI of a single database; a fleet
 * run reports the target as interrupted.
 */
export class RunInterruptedError extends CommandError {
  constructor(
    /** The heads the database was left at. */
    readonly heads: readonly string[],
    /** How many planned steps did not run. */
    readonly remaining: number,
  ) {
    super(
      `Interrupted before ${remaining} more step(s); the database is at revision ${heads.length ? heads.join(", ") : "base"}`,
    );
  }
}

const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;

/** A planned unit of work: a revision to run (or a stamp movement) and its version changes. */
interface PlannedStep {
  versionChanges: readonly VersionChange[];
  description: string;
  shortLog: string;
  /** The version-table heads after this step. */
  headsAfter: readonly string[];
  /** Absent for stamp steps, which run no revision code. */
  run?: { path: string; revision: string; direction: "upgrade" | "downgrade" };
}

/**
 * Upgrades to `target` (`head`, `heads`, an id, `+2`, `branch@head`...). Online it returns
 * undefined; offline (`sql: true`) it returns the SQL text.
 */
export async function upgrade(o: RunOptions & { target: string }): Promise<string | undefined> {
  return run(o, (heads) => planUpgrade(o.script.map, heads, o.target).map(revisionStep));
}

/** Downgrades to `target` (`base`, an id, `-1`...). */
export async function downgrade(o: RunOptions & { target: string }): Promise<string | undefined> {
  return run(o, (heads) => planDowngrade(o.script.map, heads, o.target, { onWarning: o.log }).map(revisionStep));
}

/**
 * Runs steps the caller planned (`planUpgrade`/`planDowngrade` from the heads it knows), e.g.
 * one at a time to look at the database between two revisions (`verify`).
 */
export async function applySteps(o: RunOptions & { steps: readonly MigrationStep[] }): Promise<string | undefined> {
  return run(o, () => o.steps.map(revisionStep));
}

/** Sets the version table to `revisions` without running any revision (`purge` first empties it). */
export async function stamp(o: RunOptions & { revisions: string[]; purge?: boolean }): Promise<string | undefined> {
  return run(
    o,
    (heads) =>
      planStampSteps(o.script.map, heads, o.revisions).map((s): PlannedStep => ({
        versionChanges: s.versionChanges,
        description: s.description,
        shortLog: s.description,
        headsAfter: s.headsAfter,
      })),
    { purge: o.purge ?? false, stamp: true },
  );
}

/** The heads in the version table; empty when it does not exist (which it never creates). */
export async function currentHeads(
  o: Pick<RunOptions, "dialect" | "connection" | "versionTable" | "versionTableSchema">,
): Promise<string[]> {
  if (!o.connection) throw new CommandError("Reading the current revision needs a database connection");
  const ctx = new MigrationContext({ dialect: o.dialect, connection: o.connection });
  return (await new VersionTable(ctx, o).readHeads()) ?? [];
}

/**
 * One line per revision a dead run left partly applied (see {@link RevisionsTable}), saying what
 * to do; empty when there is none. Read-only: `current` shows them, the next run refuses to start.
 */
export async function partlyAppliedRevisions(
  o: Pick<RunOptions, "dialect" | "connection" | "versionTable" | "versionTableSchema" | "script">,
): Promise<string[]> {
  if (!o.connection) throw new CommandError("Reading the current revision needs a database connection");
  const ctx = new MigrationContext({ dialect: o.dialect, connection: o.connection });
  const heads = await new VersionTable(ctx, o).readHeads();
  if (heads === undefined) return [];
  const { partial } = classifyUnfinished(o.script.map, heads, await new RevisionsTable(ctx, o).readUnfinished());
  return partial.map((run) => partlyAppliedMessage(o.script.map, heads, run));
}

/**
 * The applied revisions whose file changed since they ran or were stamped (the checksum in the
 * revisions table differs from the file's hash now); empty when the table does not exist. A
 * revision recorded without a checksum (by an older autogen) is not reported. Read-only.
 */
export async function changedRevisionFiles(
  o: Pick<RunOptions, "dialect" | "connection" | "versionTable" | "versionTableSchema" | "script">,
): Promise<ChangedRevision[]> {
  if (!o.connection) throw new CommandError("Reading the applied revisions needs a database connection");
  const ctx = new MigrationContext({ dialect: o.dialect, connection: o.connection });
  return changedRevisions(o.script.map, new RevisionsTable(ctx, o));
}

/**
 * `schema.table` of the version table, naming the run lock: runs on different tables do not wait
 * for each other (an unqualified table's lock is scoped by the dialect to the session's schema).
 */
function versionTableName(o: VersionTableOptions): string {
  const table = o.versionTable ?? DEFAULT_VERSION_TABLE;
  return o.versionTableSchema ? `${o.versionTableSchema}.${table}` : table;
}

function revisionStep(s: MigrationStep): PlannedStep {
  return {
    versionChanges: s.versionChanges,
    description: s.description,
    shortLog: s.shortLog,
    headsAfter: s.headsAfter,
    run: { path: s.revision.path, revision: s.revision.revision, direction: s.direction },
  };
}

/** How the run's transactions are laid out, decided once from the adapter and the options. */
interface TransactionPlan {
  /** One transaction around the whole run. */
  perRun: boolean;
  /** One transaction around each revision (with its version changes). */
  perStep: boolean;
}

async function run(
  o: RunOptions,
  plan: (heads: string[]) => PlannedStep[],
  extra: { purge?: boolean; stamp?: boolean } = {},
): Promise<string | undefined> {
  const offline = o.sql === true;
  if (!offline && !o.connection)
    throw new CommandError("Running migrations online needs a database connection (or use --sql)");
  if (!offline && o.startingRev !== undefined) {
    throw new CommandError(
      "A starting revision (FROM:TO) can only be given with --sql; online, the database says where it is",
    );
  }
  const adapter = o.dialect.adapter;
  const lock = {
    name: `autogen:${versionTableName(o)}`,
    qualified: o.versionTableSchema !== undefined,
    timeoutMs: o.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
  };
  const ctx = new MigrationContext({
    dialect: o.dialect,
    connection: offline ? undefined : o.connection,
    x: o.x,
    tag: o.tag,
    onStatement: o.onStatement,
    // Each transaction after a COMMIT (per revision, after an autocommit block) takes the
    // lock again, so no other run slips in between two revisions of this one.
    openTransaction: adapter.runLockIsTransaction
      ? () => adapter.acquireRunLock(o.connection as Connection, lock)
      : undefined,
  });
  const tx: TransactionPlan = {
    perRun: adapter.supportsTransactionalDdl && !o.transactionPerMigration,
    perStep: adapter.supportsTransactionalDdl && o.transactionPerMigration === true,
  };
  const tables: Bookkeeping = { versions: new VersionTable(ctx, o), revisions: new RevisionsTable(ctx, o) };
  const op = createOperations(ctx);

  if (offline) {
    const heads = offlineStartingHeads(o);
    const steps = plan(heads);
    if (tx.perRun) await ctx.begin();
    if (steps.length > 0 || extra.stamp) await tables.revisions.create();
    if (extra.purge) {
      await tables.versions.purge();
      await tables.revisions.purge();
    }
    const { heads: end } = await runSteps(ctx, op, tables, steps, tx, {
      log: o.log,
      startHeads: heads,
      versionTableExists: false,
    });
    if (extra.stamp) await recordStamp(o, tables.revisions, heads, end);
    // As Alembic's offline scripts do: a run that ends with no head drops the version table
    // (and the revisions table with it).
    if (end.length === 0) {
      await tables.versions.drop();
      await tables.revisions.drop();
    }
    if (ctx.inTransaction) await ctx.commit();
    return ctx.sql;
  }

  const conn = o.connection as Connection;
  await adapter.acquireRunLock(conn, lock);
  try {
    // SQLite's lock is `BEGIN EXCLUSIVE`: the run's transaction is already open.
    if (adapter.runLockIsTransaction) ctx.adoptTransaction();
    // A table an older autogen created gets the columns this one writes.
    await tables.revisions.addMissingColumns();
    // Read after taking the lock: a run that waited sees what the previous one did.
    const existing = await tables.versions.readHeads();
    const unfinished = classifyUnfinished(
      o.script.map,
      existing ?? [],
      existing === undefined ? [] : await tables.revisions.readUnfinished(),
    );
    // A stamp is how the user says where the database is: it clears what a dead run left.
    if (unfinished.partial.length > 0 && !extra.stamp) {
      const more = unfinished.partial.length > 1 ? ` (${unfinished.partial.length - 1} more revision(s) likewise)` : "";
      throw new CommandError(partlyAppliedMessage(o.script.map, existing ?? [], unfinished.partial[0]!) + more);
    }
    if (o.warn && !extra.stamp && existing !== undefined)
      for (const changed of await changedRevisions(o.script.map, tables.revisions)) o.warn(changed.message);
    const heads = extra.purge ? [] : (existing ?? []);
    const steps = plan(heads);
    if (tx.perRun && !ctx.inTransaction) await ctx.begin();
    // Created by every run that writes it (online and offline alike), so a database migrated
    // before it existed gets it; a run with nothing to do sends nothing.
    if (steps.length > 0 || extra.stamp) await tables.revisions.create();
    // A run that died after its version-table change left only its row behind.
    for (const run of unfinished.stale) {
      if (run.operation === "downgrade") await tables.revisions.forget(run.revision);
      else await tables.revisions.markApplied(run.revision);
    }
    if (extra.purge) {
      if (existing !== undefined && existing.length > 0) await tables.versions.purge();
      await tables.revisions.purge();
    }
    const { heads: end, remaining } = await runSteps(ctx, op, tables, steps, tx, {
      log: o.log,
      startHeads: heads,
      versionTableExists: existing !== undefined,
      signal: o.signal,
    });
    if (existing === undefined && steps.length === 0) await tables.versions.create();
    if (extra.stamp) await recordStamp(o, tables.revisions, heads, end);
    if (ctx.inTransaction) await ctx.commit();
    if (remaining > 0) throw new RunInterruptedError(end, remaining);
  } catch (error) {
    await ctx.rollback().catch(() => undefined);
    throw error;
  } finally {
    await adapter.releaseRunLock(conn, lock).catch(() => undefined);
  }
  return undefined;
}

/** The version table and the revisions table next to it. */
interface Bookkeeping {
  versions: VersionTable;
  revisions: RevisionsTable;
}

/**
 * Offline, the heads the database is assumed to be at: FROM of `FROM:TO`, one revision (a partial
 * id or a symbol such as `label@head` stands for its full id), `base` or nothing for none. Several
 * heads for one symbol (`heads`, `head` with branches) are refused as Alembic refuses them.
 */
function offlineStartingHeads(o: RunOptions): string[] {
  if (o.startingRev === undefined || o.startingRev === "base") return [];
  const rev = o.script.map.getRevision(o.startingRev);
  return rev === null ? [] : [rev.revision];
}

/** A stamp's record in the revisions table: what it marked applied and what it unmarked. */
async function recordStamp(
  o: RunOptions,
  revisions: RevisionsTable,
  before: readonly string[],
  after: readonly string[],
): Promise<void> {
  const was = appliedRevisions(o.script.map, before);
  const is = appliedRevisions(o.script.map, after);
  const marked = [...is].filter((r) => !was.has(r));
  await revisions.stamped(
    new Map(marked.map((id) => [id, fileHash(o.script.map.byId(id)?.path)])),
    [...was].filter((r) => !is.has(r)),
  );
}

/**
 * Runs the steps; returns the heads they leave and how many steps an aborted `signal` left
 * unrun. Before a step from no head the version table is created (offline always, as Alembic's
 * scripts do; online when it does not exist yet).
 */
async function runSteps(
  ctx: MigrationContext,
  op: Operations,
  tables: Bookkeeping,
  steps: readonly PlannedStep[],
  tx: TransactionPlan,
  o: {
    log: ((line: string) => void) | undefined;
    startHeads: readonly string[];
    versionTableExists: boolean;
    signal?: AbortSignal | undefined;
  },
): Promise<{ heads: string[]; remaining: number }> {
  // The heads the database keeps if the next step fails: in one transaction for the run,
  // the starting ones; otherwise those of the last step committed.
  let durableHeads = [...o.startHeads];
  let heads = [...o.startHeads];
  let versionTableExists = o.versionTableExists;
  for (const [i, step] of steps.entries()) {
    // Between revisions only: a revision once started runs to its end.
    if (o.signal?.aborted) return { heads, remaining: steps.length - i };
    o.log?.(`Running ${step.description}`);
    if (tx.perStep && !ctx.inTransaction) await ctx.begin();
    if (heads.length === 0 && (ctx.isOffline || !versionTableExists)) {
      await tables.versions.create();
      versionTableExists = true;
    }
    ctx.comment(`Running ${step.shortLog}`);
    const run = step.run;
    try {
      if (run)
        await tables.revisions.started(
          run.revision,
          run.direction,
          run.direction === "upgrade" ? fileHash(run.path) : null,
        );
      ctx.startRevision();
      if (run) await runRevision(ctx, op, run);
      await tables.versions.apply(step.versionChanges);
      if (run) await tables.revisions.finished(run.revision, run.direction);
    } catch (error) {
      throw await stepFailed(ctx, tables.revisions, step, error, durableHeads);
    }
    if (tx.perStep) await ctx.commit();
    heads = headsAfter(heads, step.versionChanges);
    if (!tx.perRun) durableHeads = heads;
  }
  return { heads, remaining: 0 };
}

/** The checksum recorded for a revision file; null when there is no file to read. */
function fileHash(path: string | undefined): string | null {
  if (path === undefined) return null;
  try {
    return revisionFileHash(path);
  } catch {
    return null;
  }
}

/** Loads a revision file and calls its upgrade() or downgrade() with `op`. */
async function runRevision(ctx: MigrationContext, op: Operations, r: NonNullable<PlannedStep["run"]>): Promise<void> {
  const mod = await loadModule(r.path);
  const fn = mod[r.direction];
  if (typeof fn !== "function")
    throw new CommandError(`Revision file ${r.path} has no exported ${r.direction}() function`);
  await (fn as (op: Operations) => Promise<void>)(op);
}

/** The heads once `changes` are applied (for messages: where a non-transactional run stopped). */
function headsAfter(heads: readonly string[], changes: readonly VersionChange[]): string[] {
  let out = [...heads];
  for (const c of changes) {
    if (c.op === "insert") out.push(c.version);
    else if (c.op === "delete") out = out.filter((h) => h !== c.version);
    else out = out.map((h) => (h === c.from ? c.to : h));
  }
  return out.sort();
}

/**
 * The error of a failed step, one line. When the step's transaction is rolled back the message
 * says so; otherwise it names the statements that already ran, because they stay committed
 * and someone has to clean up by hand (the revisions table keeps the revision `running` until a
 * stamp says how); a revision of which nothing ran is put back as it was, so a rerun just runs it.
 * Both name the revision the database is now at.
 */
async function stepFailed(
  ctx: MigrationContext,
  revisions: RevisionsTable,
  step: PlannedStep,
  error: unknown,
  durableHeads: readonly string[],
): Promise<unknown> {
  const ran = ctx.revisionStatements;
  // Offline nothing ran; a revision that cannot be loaded or lacks its function names its file.
  if (ctx.isOffline) return error;
  const run = step.run;
  if (run && !ctx.inTransaction && ran.length === 0)
    await revisions.abandoned(run.revision, run.direction).catch(() => undefined);
  if (error instanceof CommandError && ran.length === 0) return error;
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  const now = durableHeads.length ? durableHeads.join(", ") : "base";
  const at = `the database is now at revision ${now}`;
  const undone = ctx.inTransaction
    ? "the transaction was rolled back"
    : ran.length
      ? `already executed in this revision and not rolled back: ${ran.map((s) => `"${oneLine(s)}"`).join("; ")}`
      : "nothing of this revision was executed";
  const remedy =
    run && !ctx.inTransaction && ran.length > 0
      ? `; ${run.revision} stays recorded as started: ${howToFinish(run.direction, durableHeads, step.headsAfter)}`
      : "";
  const message = `Running ${step.shortLog} failed: ${reason}; ${undone}; ${at}${remedy}`;
  if (error instanceof DatabaseError) {
    return new DatabaseError(message, {
      statement: error.details.statement,
      revision: step.run?.revision,
      cause: error,
    });
  }
  return new CommandError(message, { cause: error });
}

/** A statement on one line, shortened: messages are one line, the full text is in `details`. */
function oneLine(sql: string): string {
  const line = sql.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}

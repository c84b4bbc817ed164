import { CommandError, DatabaseError } from "@autogen/core";
import type { Connection, Dialect } from "@autogen/dialects";
import { planDowngrade, planStampSteps, planUpgrade, type MigrationStep, type ScriptDirectory } from "@autogen/script";
import { MigrationContext } from "./migration-context";
import { createOperations } from "./operations";
import type { Operations } from "./operations-api";
import { loadModule } from "./ts-loader";
import { DEFAULT_VERSION_TABLE, VersionTable, type VersionChange, type VersionTableOptions } from "./version-table";

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
  /** Receives every statement executed online, in order (tests compare it with --sql). */
  onStatement?: (sql: string) => void;
  /** How long to wait for another run's lock. Default 5 minutes. */
  lockTimeoutMs?: number;
}

const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;

/** A planned unit of work: a revision to run (or a stamp movement) and its version changes. */
interface PlannedStep {
  versionChanges: readonly VersionChange[];
  description: string;
  shortLog: string;
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

/** Sets the version table to `revisions` without running any revision (`purge` first empties it). */
export async function stamp(o: RunOptions & { revisions: string[]; purge?: boolean }): Promise<string | undefined> {
  return run(
    o,
    (heads) =>
      planStampSteps(o.script.map, heads, o.revisions).map((s): PlannedStep => ({
        versionChanges: s.versionChanges,
        description: s.description,
        shortLog: s.description,
      })),
    { purge: o.purge ?? false },
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

/** `schema.table` of the version table, naming the run lock: runs on different tables do not wait for each other. */
function versionTableName(o: VersionTableOptions): string {
  const table = o.versionTable ?? DEFAULT_VERSION_TABLE;
  return o.versionTableSchema ? `${o.versionTableSchema}.${table}` : table;
}

function revisionStep(s: MigrationStep): PlannedStep {
  return {
    versionChanges: s.versionChanges,
    description: s.description,
    shortLog: s.shortLog,
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
  extra: { purge?: boolean } = {},
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
  const lock = { name: `autogen:${versionTableName(o)}`, timeoutMs: o.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS };
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
  const versions = new VersionTable(ctx, o);
  const op = createOperations(ctx);

  if (offline) {
    // A partial id or a symbol (`base`, `label@head`) stands for the full ids of the rows.
    const heads = o.startingRev === undefined ? [] : o.script.map.getRevisions(o.startingRev).map((r) => r.revision);
    const steps = plan(heads);
    if (tx.perRun) await ctx.begin();
    // Alembic emits the CREATE when starting from base, and never a DROP.
    if (heads.length === 0) await versions.create();
    if (extra.purge) await versions.purge();
    await runSteps(ctx, op, versions, steps, tx, o.log);
    if (ctx.inTransaction) await ctx.commit();
    return ctx.sql;
  }

  const conn = o.connection as Connection;
  await adapter.acquireRunLock(conn, lock);
  try {
    // SQLite's lock is `BEGIN EXCLUSIVE`: the run's transaction is already open.
    if (adapter.runLockIsTransaction) ctx.adoptTransaction();
    // Read after taking the lock: a run that waited sees what the previous one did.
    const existing = await versions.readHeads();
    const heads = extra.purge ? [] : (existing ?? []);
    const steps = plan(heads);
    if (tx.perRun && !ctx.inTransaction) await ctx.begin();
    if (existing === undefined) await versions.create();
    if (extra.purge && existing !== undefined && existing.length > 0) await versions.purge();
    await runSteps(ctx, op, versions, steps, tx, o.log, existing ?? []);
    if (ctx.inTransaction) await ctx.commit();
  } catch (error) {
    await ctx.rollback().catch(() => undefined);
    throw error;
  } finally {
    await adapter.releaseRunLock(conn, lock).catch(() => undefined);
  }
  return undefined;
}

async function runSteps(
  ctx: MigrationContext,
  op: Operations,
  versions: VersionTable,
  steps: readonly PlannedStep[],
  tx: TransactionPlan,
  log: ((line: string) => void) | undefined,
  startHeads: readonly string[] = [],
): Promise<void> {
  // The heads the database keeps if the next step fails: in one transaction for the run,
  // the starting ones; otherwise those of the last step committed.
  let durableHeads = [...startHeads];
  let heads = [...startHeads];
  for (const step of steps) {
    log?.(`Running ${step.description}`);
    ctx.comment(`Running ${step.shortLog}`);
    if (tx.perStep && !ctx.inTransaction) await ctx.begin();
    ctx.startRevision();
    try {
      if (step.run) await runRevision(ctx, op, step.run);
      await versions.apply(step.versionChanges);
    } catch (error) {
      throw stepFailed(ctx, step, error, durableHeads);
    }
    if (tx.perStep) await ctx.commit();
    heads = headsAfter(heads, step.versionChanges);
    if (!tx.perRun) durableHeads = heads;
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
 * and someone has to clean up by hand. Both name the revision the database is now at.
 */
function stepFailed(
  ctx: MigrationContext,
  step: PlannedStep,
  error: unknown,
  durableHeads: readonly string[],
): unknown {
  const ran = ctx.revisionStatements;
  // Offline nothing ran; a revision that cannot be loaded or lacks its function names its file.
  if (ctx.isOffline || (error instanceof CommandError && ran.length === 0)) return error;
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  const at = `the database is now at revision ${durableHeads.length ? durableHeads.join(", ") : "base"}`;
  const undone = ctx.inTransaction
    ? "the transaction was rolled back"
    : ran.length
      ? `already executed in this revision and not rolled back: ${ran.map((s) => `"${oneLine(s)}"`).join("; ")}`
      : "nothing of this revision was executed";
  const message = `Running ${step.shortLog} failed: ${reason}; ${undone}; ${at}`;
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

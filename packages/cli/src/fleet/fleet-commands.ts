import * as fs from "node:fs";
import { CommandError, maskPasswords } from "@autogen/core";
import type { ScriptDirectory } from "@autogen/script";
import type { RunOptions } from "@autogen/runtime";
import type { CommandOptions } from "../command-options";
import type { ModelCache } from "../autogenerate";
import type { AutogenConfig, ResolvedConfig } from "../config";
import { check } from "../commands/check";
import { current } from "../commands/current";
import { readCurrentHeads } from "../commands/current-heads";
import { describeOp } from "../commands/check";
import { migrationRun, type Direction } from "../commands/migration-run";
import { proveHistory, withFindings } from "../commands/verify";
import { appliedFileChanges } from "../verify/applied-file-changes";
import type { VerifyResult } from "../verify/verify-result";
import { offlineDialect, withDatabaseSession } from "../database-session";
import { runtimeModule } from "../lazy-modules";
import { exitStatusFor } from "../main";
import { resolveConfig } from "../resolve-config";
import { baseRunOptions } from "../run-options";
import { loadScriptDirectory } from "../script-directory";
import { fleetExitCode, type FleetReport, type FleetTargetResult } from "./fleet-result";
import { listTargets, targetConfig, type FleetTarget } from "./fleet-target";
import { offlineFileNames, onConnectStatements } from "./offline-files";
import { runPool, type PoolProgress } from "./run-pool";

/** The default `--concurrency`: a few sessions at a time, gentle on a shared server. */
export const DEFAULT_CONCURRENCY = 4;

/** Options of every `command.fleet.*` function. */
export interface FleetOptions extends Pick<CommandOptions, "x" | "warn"> {
  /** How many targets run at once (default {@link DEFAULT_CONCURRENCY}). */
  concurrency?: number;
  /** Only these targets, by name (`--target NAME`); default all. */
  targets?: readonly string[];
  /**
   * Stops the run: no further target starts, and each running one stops after its current
   * revision (what ran is committed); the report marks them `interrupted` / `not-started`.
   */
  signal?: AbortSignal;
  /** Called as targets start and finish (the CLI's progress line). */
  onProgress?: (p: PoolProgress) => void;
  /** Receives `NAME: Running upgrade a -> b, msg` lines. */
  log?: (line: string) => void;
}

/** Options of `command.fleet.upgrade` / `downgrade` / `stamp`. */
export interface FleetRunOptions extends FleetOptions {
  tag?: string;
  /** Offline: write one SQL file per target into `outputDir` instead of running anything. */
  sql?: boolean;
  /** The folder `sql` writes `<target name>.sql` files into (created if missing). */
  outputDir?: string;
}

/** What one target's work tells, before the name and time are added. */
type TargetOutcome = Omit<FleetTargetResult, "name" | "ms">;

/**
 * Runs `work` on every target with bounded concurrency, each on its own config (the target's URL
 * and `-x` values), and reports each; a failing target does not stop the others.
 */
async function eachTarget<P = undefined>(
  config: AutogenConfig,
  o: FleetOptions,
  command: string,
  revision: string | null,
  work: (cfg: ResolvedConfig, target: FleetTarget, prepared: P) => Promise<TargetOutcome>,
  prepare?: (cfg: ResolvedConfig, targets: readonly FleetTarget[]) => Promise<P>,
): Promise<FleetReport> {
  const cfg = resolveConfig(config, { x: o.x });
  const concurrency = o.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new CommandError(`--concurrency must be a whole number of at least 1, not ${concurrency}`);
  const targets = await listTargets(cfg, o.targets);
  // Once for the run, not per target: the revision files' headers, the offline file names.
  const prepared = (await prepare?.(cfg, targets)) as P;
  const results = await runPool<FleetTarget, FleetTargetResult>(
    targets,
    { concurrency, signal: o.signal, onProgress: o.onProgress, isFailure: (r) => r.status !== "ok" },
    async (target): Promise<FleetTargetResult> => {
      const started = performance.now();
      let outcome: TargetOutcome;
      try {
        outcome = await work(targetConfig(cfg, target), target, prepared);
      } catch (err) {
        outcome = { status: "failed", from: null, to: null, steps: null, error: errorOf(err) };
      }
      return { name: target.name, ...outcome, ms: Math.round(performance.now() - started) };
    },
    (target) => ({ name: target.name, status: "not-started", from: null, to: null, steps: null, ms: 0, error: null }),
  );
  const interrupted = o.signal?.aborted === true;
  return { command, revision, results, interrupted, exitCode: fleetExitCode(results, interrupted) };
}

function errorOf(err: unknown): { message: string; exitCode: number } {
  const text = err instanceof Error ? err.message || err.name : String(err);
  return { message: maskPasswords(text.replace(/\s*\n\s*/g, "; ").trim()), exitCode: exitStatusFor(err) };
}

/** A warn/log callback whose lines name the target. */
function named(fn: ((line: string) => void) | undefined, name: string): ((line: string) => void) | undefined {
  return fn && ((line) => fn(`${name}: ${line}`));
}

type RunKind = "upgrade" | "downgrade" | "stamp";

/**
 * upgrade / downgrade / stamp on one target: the heads before and after, and how many steps ran.
 * A failing run reports where the target was left; an interrupted one, after which revision.
 */
async function migrateTarget(
  cfg: ResolvedConfig,
  target: FleetTarget,
  script: ScriptDirectory,
  o: FleetRunOptions,
  run: (
    base: Omit<RunOptions, "dialect">,
    s: { dialect: RunOptions["dialect"]; connection: NonNullable<RunOptions["connection"]> },
  ) => Promise<unknown>,
): Promise<TargetOutcome> {
  return await withDatabaseSession(cfg, {}, async (s) => {
    const from = await readCurrentHeads(cfg, s);
    let started = 0;
    const log = named(o.log, target.name);
    const base = baseRunOptions(cfg, script, {
      ...(o.tag !== undefined && { tag: o.tag }),
      ...(o.warn && { warn: named(o.warn, target.name)! }),
      log: (line) => {
        started++;
        log?.(line);
      },
    });
    try {
      await run({ ...base, ...(o.signal && { signal: o.signal }) }, s);
    } catch (err) {
      const to = await readCurrentHeads(cfg, s).catch(() => null);
      const interrupted = err instanceof runtimeModule().RunInterruptedError;
      return {
        status: interrupted ? "interrupted" : "failed",
        from,
        to,
        steps: interrupted ? started : null,
        error: errorOf(err),
      };
    }
    return { status: "ok", from, to: await readCurrentHeads(cfg, s), steps: started, error: null };
  });
}

/**
 * Offline: each target's SQL into `outputDir/<name>.sql`, after the statements its `onConnect`
 * sends (SET search_path for a tenant schema), so that each file runs as is on its database.
 */
async function offlineTarget(
  cfg: ResolvedConfig,
  file: string,
  script: ScriptDirectory,
  o: FleetRunOptions,
  run: (base: Omit<RunOptions, "dialect">, dialect: RunOptions["dialect"]) => Promise<string | undefined>,
): Promise<TargetOutcome> {
  const dialect = await offlineDialect(cfg);
  const prelude = await onConnectStatements(cfg, dialect);
  const base = baseRunOptions(cfg, script, { ...(o.tag !== undefined && { tag: o.tag }) });
  const sql = (await run(base, dialect)) ?? "";
  fs.writeFileSync(file, prelude + sql);
  return { status: "ok", from: null, to: null, steps: null, error: null, file };
}

/** What an upgrade or downgrade run prepares once: the revision files, and offline each target's file. */
interface RunPrepared {
  readonly script: ScriptDirectory;
  readonly files: ReadonlyMap<string, string>;
}

function prepareRun(
  o: FleetRunOptions,
  revisions: readonly string[],
): (cfg: ResolvedConfig, targets: readonly FleetTarget[]) => Promise<RunPrepared> {
  return async (cfg, targets) => {
    const script = await loadScriptDirectory(cfg);
    for (const revision of revisions) checkAbsoluteRevision(script, revision);
    if (!o.sql) return { script, files: new Map() };
    const files = offlineFileNames(o.outputDir!, targets);
    fs.mkdirSync(o.outputDir!, { recursive: true });
    return { script, files };
  };
}

/**
 * Resolves a revision that does not depend on where a database is (not `+1`, `-2`, `ID+1`) once,
 * before any target: an unknown or ambiguous one is one error (exit 2), not one per target.
 */
function checkAbsoluteRevision(script: ScriptDirectory, revision: string): void {
  const symbol = revision.slice(revision.indexOf("@") + 1);
  if (/^[+-]|[+-]\d+$/.test(symbol) || symbol === "base") return;
  script.map.getRevisions(revision);
}

function requireOutputDir(o: FleetRunOptions): void {
  if (o.sql && (o.outputDir === undefined || o.outputDir === ""))
    throw new CommandError("--sql with --each writes one file per target: give the folder with --output-dir DIR");
  if (!o.sql && o.outputDir !== undefined) throw new CommandError("--output-dir needs --sql");
}

/**
 * `upgrade --each`: upgrades every target to `revision` (a rerun does only what is left). With
 * `sql`, writes each target's script (`FROM:TO` allowed) into `outputDir` instead.
 */
export async function upgrade(config: AutogenConfig, revision: string, o: FleetRunOptions = {}): Promise<FleetReport> {
  return migrateEach("upgrade", config, revision, o);
}

/** `downgrade --each`: downgrades every target to `revision`; offline (`FROM:TO` only) one file per target. */
export async function downgrade(
  config: AutogenConfig,
  revision: string,
  o: FleetRunOptions = {},
): Promise<FleetReport> {
  return migrateEach("downgrade", config, revision, o);
}

/** One direction's run on every target: online on each database, or one SQL file per target. */
async function migrateEach(
  direction: Direction,
  config: AutogenConfig,
  revision: string,
  o: FleetRunOptions,
): Promise<FleetReport> {
  requireOutputDir(o);
  const run = migrationRun(direction, revision, o);
  return eachTarget(
    config,
    o,
    direction,
    revision,
    (cfg, target, { script, files }) =>
      o.sql
        ? offlineTarget(cfg, files.get(target.name)!, script, o, run.offline)
        : migrateTarget(cfg, target, script, o, run.online),
    prepareRun(o, [run.destination]),
  );
}

/** `stamp --each`: sets every target's version table to `revisions` without running anything (online only). */
export async function stamp(
  config: AutogenConfig,
  revisions: string | readonly string[],
  o: FleetRunOptions & { purge?: boolean } = {},
): Promise<FleetReport> {
  const list = typeof revisions === "string" ? [revisions] : [...revisions];
  if (list.length === 0) throw new CommandError("stamp needs at least one revision");
  if (o.sql) throw new CommandError("stamp --each runs online only: stamp --sql prints one script for any database");
  if (list.some((r) => r.includes(":"))) throw new CommandError("Range revision not allowed");
  const runtime = runtimeModule();
  return eachTarget<ScriptDirectory>(
    config,
    o,
    "stamp",
    list.join(" "),
    (cfg, target, script) =>
      migrateTarget(cfg, target, script, o, (base, s) =>
        runtime.stamp({ ...base, revisions: list, purge: o.purge ?? false, ...s }),
      ),
    async (cfg) => {
      const script = await loadScriptDirectory(cfg);
      for (const revision of list) checkAbsoluteRevision(script, revision);
      return script;
    },
  );
}

/**
 * `current --each`: every target's version-table heads (`to`). With `checkHeads`, a target not at
 * every head fails (exit 2), as `current --check-heads` does.
 */
export async function currentEach(
  config: AutogenConfig,
  o: FleetOptions & { checkHeads?: boolean } = {},
): Promise<FleetReport> {
  return eachTarget(config, o, "current", null, async (cfg, target) => {
    const json = await current(cfg, {
      format: "json",
      ...(o.checkHeads && { checkHeads: true }),
      warn: named(o.warn, target.name) ?? (() => undefined),
    });
    return { status: "ok", from: null, to: json.currentHeads, steps: null, error: null };
  });
}

/**
 * `check --each`, the drift report: for every target, whether the models match its database and,
 * when not, each pending op in a few words and the risks of the ops (status `differs`, exit 1).
 */
export async function checkEach(config: AutogenConfig, o: FleetOptions = {}): Promise<FleetReport> {
  // Built once per dialect and server version, not once per target.
  const models: ModelCache = new Map();
  return eachTarget(config, o, "check", null, async (cfg, target) => {
    const result = await check(cfg, { models, ...(o.warn && { warn: named(o.warn, target.name)! }) });
    return {
      status: result.upToDate ? "ok" : "differs",
      from: null,
      to: null,
      steps: null,
      error: null,
      changes: result.ops.upgradeOps.ops.map(describeOp),
      risks: result.risks.map((r) => `${r.code}: ${r.message}`),
    };
  });
}

/**
 * `verify --each`: each target's applied revisions compared with their files (`file-changed`), and
 * the history proven on a scratch database once per server the targets' scratch databases would be
 * made on (`shadowUrl`, else each `url`'s server), so every server version a fleet runs is tried
 * and tenants of one server share one proof. A target with findings `differs` (exit 1), each
 * finding in `changes`.
 */
export async function verifyEach(config: AutogenConfig, range?: string, o: FleetOptions = {}): Promise<FleetReport> {
  const proofs = new Map<string, Promise<VerifyResult>>();
  return eachTarget<ScriptDirectory>(
    config,
    o,
    "verify",
    range ?? null,
    async (cfg, target, script) => {
      const warn = named(o.warn, target.name);
      const changed = await appliedFileChanges(cfg, script, { ...(warn && { warn }) });
      const server = scratchServer(cfg);
      let proof = proofs.get(server);
      if (!proof) {
        const log = named(o.log, target.name);
        proof = proveHistory(cfg, script, range, { ...(log && { log }), ...(warn && { warn }) });
        proofs.set(server, proof);
      }
      const result = withFindings(await proof, changed);
      return {
        status: result.ok ? "ok" : "differs",
        from: null,
        to: null,
        steps: result.revisions.length,
        error: null,
        changes: result.problems.map((p) => `${p.kind} ${p.revision}: ${p.message}`),
      };
    },
    (cfg) => loadScriptDirectory(cfg),
  );
}

/** The server a target's scratch database would be made on: file-based dialects make one per run anyway. */
function scratchServer(cfg: ResolvedConfig): string {
  const d = require("@autogen/dialects") as typeof import("@autogen/dialects");
  const u = d.parseUrl(cfg.shadowUrl ?? cfg.url ?? "");
  return u.host === undefined ? u.dialect : `${u.dialect}://${u.user ?? ""}@${u.host}:${u.port ?? ""}`;
}

/**
 * A command on every target of the config's `targets` (`--each`), with bounded concurrency; each
 * target is under its own run lock and version table. Each returns a {@link FleetReport}; they
 * throw only for what concerns the whole run (a bad option, a malformed `targets`).
 *
 * ```ts
 * const report = await command.fleet.upgrade(config, "head", { concurrency: 8 });
 * for (const r of report.results) if (r.status !== "ok") console.log(r.name, r.error?.message);
 * ```
 */
export const fleet = Object.freeze({
  upgrade,
  downgrade,
  stamp,
  current: currentEach,
  check: checkEach,
  verify: verifyEach,
});

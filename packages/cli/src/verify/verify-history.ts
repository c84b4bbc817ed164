import { MigrationScript, Schema, type OpNode } from "@autogen/core";
import type { Connection, Dialect } from "@autogen/dialects";
import { compareSchemas } from "@autogen/compare";
import { createIntrospector } from "@autogen/reflection";
import * as runtime from "@autogen/runtime";
import * as s from "@autogen/script";
import type { MigrationStep, ScriptDirectory } from "@autogen/script";
import { autogenerate, compareOptions, reflectedSchema, targetSchema } from "../autogenerate";
import { describeOp } from "../commands/check";
import type { ResolvedConfig } from "../config";
import { baseRunOptions } from "../run-options";
import { objectOf, settledAt } from "./object-states";
import type { VerifyProblem } from "./verify-result";

/** What {@link verifyHistory} needs: an open session on an empty scratch database. */
export interface VerifyHistoryOptions {
  config: ResolvedConfig;
  script: ScriptDirectory;
  dialect: Dialect;
  connection: Connection;
  /** `FROM:TO`, `FROM:`, `:TO` or `TO`; default: base to the heads. */
  range?: string;
  /** Progress, one line per step. */
  log?: (line: string) => void;
  warn?: (line: string) => void;
  /** A clearer message for a failure that comes from the scratch database itself (PGlite's missing extensions). */
  explainFailure?: (error: unknown) => string | null;
}

/** What the history did on the scratch database. */
export interface HistoryFindings {
  readonly revisions: readonly string[];
  readonly modelsCompared: boolean;
  readonly problems: readonly VerifyProblem[];
}

/**
 * Proves the revision files on an empty database: runs the range's upgrades one at a time
 * (reading the schema after each), compares the end state with the models, then runs the
 * downgrades back, each of which must give the schema of the step before exactly (as
 * autogenerate compares schemas). Stops at the first upgrade or downgrade that fails.
 */
export async function verifyHistory(o: VerifyHistoryOptions): Promise<HistoryFindings> {
  const { config, script, dialect, connection } = o;
  const run = { ...baseRunOptions(config, script, {}), dialect, connection };
  const { from, to } = splitVerifyRange(o.range, s.parseRange);
  if (from !== null) await runtime.upgrade({ ...run, target: from });
  const startHeads = await runtime.currentHeads(run);
  const steps = s.planUpgrade(script.map, startHeads, to ?? "heads");
  const hasModels = config.dataSource !== undefined || config.entities !== undefined;
  const model = hasModels ? await targetSchema(config, connection, dialect) : undefined;
  const introspector = createIntrospector(connection, dialect);
  const warn = onceEach(o.warn);
  const reflect = () => reflectedSchema(config, introspector, model ?? Schema.empty(), warn);
  const explain = (err: unknown) => o.explainFailure?.(err) ?? messageOf(err);

  const problems: VerifyProblem[] = [];
  const states: Schema[] = [await reflect()];
  const applied: MigrationStep[] = [];
  let partial = false;
  const same = async (a: Schema, b: Schema) => compareSchemas(a, b, compareOptions(config, dialect)).ops;
  for (const [i, step] of steps.entries()) {
    o.log?.(`[${i + 1}/${steps.length}] ${step.description}`);
    try {
      await runtime.applySteps({ ...run, steps: [step] });
    } catch (err) {
      problems.push({
        kind: "upgrade-failed",
        revision: step.revision.revision,
        message: `the upgrade of ${step.revision.revision} fails on an empty database: ${explain(err)}`,
      });
      // Without transactional DDL (MySQL) the failed revision may have left part of its work:
      // the downgrades before it can then not be checked.
      partial = (await same(states.at(-1)!, await reflect())).length > 0;
      break;
    }
    applied.push(step);
    states.push(await reflect());
  }

  const endsAtHeads = s.isUpToDate(script.map, applied.at(-1)?.headsAfter ?? startHeads);
  const modelsCompared = hasModels && endsAtHeads && problems.length === 0;
  if (modelsCompared) {
    const ops = await modelDifferences(o, config);
    if (ops.length > 0) problems.push(modelsDiffer(ops, states, applied));
  }

  for (let i = partial ? -1 : applied.length - 1; i >= 0; i--) {
    const up = applied[i]!;
    const down = s.buildSteps(script.map, up.headsAfter, [up.revision], "downgrade")[0]!;
    o.log?.(`[${applied.length - i}/${applied.length}] ${down.description}`);
    const id = up.revision.revision;
    try {
      await runtime.applySteps({ ...run, steps: [down] });
    } catch (err) {
      problems.push({
        kind: "downgrade-failed",
        revision: id,
        message: `the downgrade of ${id} fails: ${explain(err)}`,
      });
      break;
    }
    const diff = await same(states[i]!, await reflect());
    if (diff.length > 0) {
      const ops = diff.map(describeOp);
      problems.push({
        kind: "downgrade-differs",
        revision: id,
        message: `the downgrade of ${id} does not restore the schema before it; to restore it: ${ops.join(", ")}`,
        ops,
      });
      break;
    }
  }
  return { revisions: applied.map((st) => st.revision.revision), modelsCompared, problems };
}

/** The ops autogenerate would write now, on the scratch database (as `check` finds them). */
async function modelDifferences(o: VerifyHistoryOptions, config: ResolvedConfig): Promise<readonly OpNode[]> {
  const directives = await autogenerate({
    config,
    connection: o.connection,
    dialect: o.dialect,
    script: o.script,
    ...(o.warn && { warn: onceEach(o.warn) }),
    revision: {
      revId: "verify",
      message: null,
      downRevision: null,
      branchLabels: null,
      dependsOn: null,
      versionPath: null,
    },
  });
  const last = directives.at(-1);
  if (!last || MigrationScript.isEmpty(last)) return [];
  // A table's ops one by one: each is attributed to the revision that last changed its object.
  return last.upgradeOps.ops.flatMap((op) => (op as OpNode & { ops?: readonly OpNode[] }).ops ?? [op]);
}

/**
 * The models-differ finding, naming the first revision after which the schema stops matching.
 * Without the models of each revision's time, each difference is put on the last revision that
 * changed its object (a column, an index, a table...: from then on it stays as the models do not
 * want it), and a difference about an object no revision changed (a column no revision
 * creates) on the last revision of the range.
 */
function modelsDiffer(
  ops: readonly OpNode[],
  states: readonly Schema[],
  steps: readonly MigrationStep[],
): VerifyProblem {
  const attributed = ops.map((op) => {
    const k = settledAt(states, objectOf(op));
    const step = k > 0 ? k : steps.length;
    return { op: describeOp(op), step };
  });
  const first = Math.min(...attributed.map((a) => a.step));
  const revisionAt = (step: number) => steps[step - 1]?.revision.revision ?? "base";
  const revision = revisionAt(first);
  const lines = attributed.map((a) => `${a.op} (since ${revisionAt(a.step)})`);
  return {
    kind: "models-differ",
    revision,
    message: `after ${revision} the schema stops matching the models: ${attributed
      .filter((a) => a.step === first)
      .map((a) => a.op)
      .join(", ")}`,
    ops: lines,
  };
}

function splitVerifyRange(
  range: string | undefined,
  parseRange: (r: string) => { from: string | null; to: string | null },
): { from: string | null; to: string | null } {
  if (range === undefined || range === "") return { from: null, to: null };
  return range.includes(":") ? parseRange(range) : { from: null, to: range };
}

/** A warning callback that passes each distinct line once (reflection runs after every step). */
function onceEach(warn: ((line: string) => void) | undefined): ((line: string) => void) | undefined {
  if (!warn) return undefined;
  const seen = new Set<string>();
  return (line) => {
    if (seen.has(line)) return;
    seen.add(line);
    warn(line);
  };
}

function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, " ").trim();
}

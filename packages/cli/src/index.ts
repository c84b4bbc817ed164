/**
 * autogen: Alembic-style migrations with autogenerate for TypeORM.
 *
 * ```ts
 * import { command, defineConfig } from "autogen";
 * const config = defineConfig({ scriptLocation: "migrations", url: process.env.DATABASE_URL });
 * await command.upgrade(config, "head");
 * ```
 */
export { command } from "./command";
export { tuneV8ForShortRun } from "./short-run-v8";
export * from "./config";
export type { CommandOptions, RunCommandOptions } from "./command-options";
export type { RevisionOptions } from "./commands/revision";
export type { MergeOptions } from "./commands/merge";
export type { StampOptions } from "./commands/stamp";
export type { CheckResult, CheckOptions } from "./commands/check";
export type { LintResult, LintFinding } from "./commands/lint";
export type { RenameOptions } from "./rename-options";
export type { RenameCandidate, RenameKind } from "@autogen/compare";
export type { VerifyOptions, VerifyResult, VerifyProblem, VerifyProblemKind } from "./commands/verify";
export type { InitOptions, InitResult } from "./commands/init";
export type { TemplateInfo } from "./commands/list-templates";
export type { CurrentOptions, CurrentJson } from "./commands/current";
export type { HistoryOptions, HistoryJson } from "./commands/history";
export type { HeadsOptions, HeadsJson } from "./commands/heads";
export type { ShowOptions, ShowJson } from "./commands/show";
export type { DiffResult, ObjectDiff } from "./commands/diff";
export type { RevisionJson } from "@autogen/script";
export type { BranchesOptions } from "./commands/branches";
export type { FleetTarget, FleetTargets, TargetsContext } from "./fleet/fleet-target";
export type { FleetOptions, FleetRunOptions } from "./fleet/fleet-commands";
export type { FleetReport, FleetTargetResult, FleetTargetStatus } from "./fleet/fleet-result";
export type { PoolProgress } from "./fleet/run-pool";
export { resolveConfig, type ResolveOptions } from "./resolve-config";
export { loadConfig, type LoadConfigOptions } from "./load-config";
export type { Operations } from "@autogen/runtime";

// What hooks and recipes in a config need, so that a project depends on `autogen` alone:
// schema and op nodes with their factories (a Rewriter builds ops), errors, the Rewriter, and
// the custom-operation API (registerOperation, implementationFor, core's registerReverser,
// registerRenderer) with its worked example, the replaceable-object recipe (stored functions).
export * from "@autogen/core";
export { Rewriter, registerRenderer, type RewriteFn, type RenderItemHook } from "@autogen/renderer";
export { registerOperation, implementationFor, type OpImplementation, type SchemaOption } from "@autogen/runtime";
export { CreateFunctionOp, DropFunctionOp, ReplaceFunctionOp } from "./recipes/replaceable-objects";

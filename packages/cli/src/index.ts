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
export * from "./config";
export type { CommandOptions, RunCommandOptions } from "./command-options";
export type { RevisionOptions } from "./commands/revision";
export type { MergeOptions } from "./commands/merge";
export type { StampOptions } from "./commands/stamp";
export type { CheckResult } from "./commands/check";
export type { InitOptions, InitResult } from "./commands/init";
export type { TemplateInfo } from "./commands/list-templates";
export type { CurrentOptions } from "./commands/current";
export type { HistoryOptions } from "./commands/history";
export type { HeadsOptions } from "./commands/heads";
export type { BranchesOptions } from "./commands/branches";
export { resolveConfig, type ResolveOptions } from "./resolve-config";
export { loadConfig, type LoadConfigOptions } from "./load-config";
export type { Operations } from "@autogen/runtime";

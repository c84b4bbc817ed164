import type { RunOptions } from "@autogen/runtime";
import type { ScriptDirectory } from "@autogen/script";
import type { RunCommandOptions } from "./command-options";
import type { ResolvedConfig } from "./config";

/** The runtime options every run shares, from the config and the command's options. */
export function baseRunOptions(
  config: ResolvedConfig,
  script: ScriptDirectory,
  o: RunCommandOptions,
): Omit<RunOptions, "dialect"> {
  return {
    script,
    x: config.xArgs,
    ...(o.tag !== undefined && { tag: o.tag }),
    ...(config.transactionPerMigration !== undefined && { transactionPerMigration: config.transactionPerMigration }),
    ...(config.versionTable !== undefined && { versionTable: config.versionTable }),
    ...(config.versionTableSchema !== undefined && { versionTableSchema: config.versionTableSchema }),
    ...(o.log && { log: o.log }),
    ...(o.warn && { warn: o.warn }),
    ...(o.onStatement && { onStatement: o.onStatement }),
  };
}

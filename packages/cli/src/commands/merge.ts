import { MigrationScript } from "@autogen/core";
import type { CommandOptions } from "../command-options";
import type { AutogenConfig } from "../config";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";
import { writeRevisionFile } from "../write-revision-file";

/** Options of {@link merge}. */
export interface MergeOptions extends CommandOptions {
  message?: string;
  branchLabel?: string | readonly string[];
  revId?: string;
}

/**
 * Writes a revision whose down revisions are the given ones (`heads` for all heads), joining
 * their branches (Alembic's `merge`). It has no ops.
 *
 * @returns the path of the merge revision file.
 */
export async function merge(
  config: AutogenConfig,
  revisions: string | readonly string[],
  o: MergeOptions = {},
): Promise<string> {
  const cfg = resolveConfig(config, { x: o.x });
  const script = await loadScriptDirectory(cfg);
  const plan = script.planMerge(typeof revisions === "string" ? [revisions] : [...revisions], {
    ...(o.branchLabel !== undefined && {
      branchLabels: typeof o.branchLabel === "string" ? [o.branchLabel] : [...o.branchLabel],
    }),
    ...(o.revId !== undefined && { revId: o.revId }),
  });
  const directive = MigrationScript.create({ ...plan, message: o.message ?? null });
  return await writeRevisionFile(cfg, script, directive, { createDate: new Date(), log: o.log });
}

import type { AutogenConfig } from "../config";
import { scriptModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";

/** Options of {@link branches}. */
export interface BranchesOptions {
  verbose?: boolean;
}

/**
 * The branch points and their branches (Alembic's `branches`), without touching the database.
 *
 * @returns the lines `autogen branches` prints (a block per branch point).
 */
export async function branches(config: AutogenConfig, o: BranchesOptions = {}): Promise<string[]> {
  const script = await loadScriptDirectory(resolveConfig(config));
  return scriptModule().branchesLines(script.map, o);
}

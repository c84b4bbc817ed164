import type { AutogenConfig } from "../config";
import { scriptModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";

/** Options of {@link heads}. */
export interface HeadsOptions {
  verbose?: boolean;
  /** Treat dependencies as down revisions: list only the real heads. */
  resolveDependencies?: boolean;
}

/**
 * The script's heads (Alembic's `heads`), without touching the database.
 *
 * @returns the lines `autogen heads` prints.
 */
export async function heads(config: AutogenConfig, o: HeadsOptions = {}): Promise<string[]> {
  const script = await loadScriptDirectory(resolveConfig(config));
  return scriptModule().headsLines(script.map, o);
}

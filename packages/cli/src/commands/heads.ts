import type { RevisionJson } from "@autogen/script";
import type { AutogenConfig } from "../config";
import { scriptModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";

/** Options of {@link heads}. */
export interface HeadsOptions {
  verbose?: boolean;
  /** Treat dependencies as down revisions: list only the real heads. */
  resolveDependencies?: boolean;
  /** `json` returns a {@link HeadsJson} instead of the lines; default `text`. */
  format?: "text" | "json";
}

/** `heads --format json`. */
export interface HeadsJson {
  readonly heads: readonly RevisionJson[];
}

/**
 * The script's heads (Alembic's `heads`), without touching the database.
 *
 * @returns the lines `autogen heads` prints, or with `format: "json"` its JSON document.
 */
export async function heads(config: AutogenConfig, o: HeadsOptions & { format: "json" }): Promise<HeadsJson>;
export async function heads(config: AutogenConfig, o?: HeadsOptions & { format?: "text" }): Promise<string[]>;
export async function heads(config: AutogenConfig, o: HeadsOptions = {}): Promise<string[] | HeadsJson> {
  const script = await loadScriptDirectory(resolveConfig(config));
  const s = scriptModule();
  if (o.format === "json") return { heads: s.headRevisions(script.map, o).map(s.revisionJson) };
  return s.headsLines(script.map, o);
}

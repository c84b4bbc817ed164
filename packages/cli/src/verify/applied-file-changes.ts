import { existsSync } from "node:fs";
import { DatabaseError } from "@autogen/core";
import type { ScriptDirectory } from "@autogen/script";
import type { ResolvedConfig } from "../config";
import { withDatabaseSession } from "../database-session";
import { runtimeModule } from "../lazy-modules";
import type { VerifyProblem } from "./verify-result";

/**
 * The `file-changed` findings of verify: the revisions the project's own database (`url`, or the
 * given connection) has applied whose file changed since. A database that does not exist yet (a
 * SQLite or PGlite path with no file) has applied nothing; one that cannot be reached is said in
 * one warning and not checked, since verify's proof itself runs elsewhere.
 */
export async function appliedFileChanges(
  config: ResolvedConfig,
  script: ScriptDirectory,
  o: { connection?: unknown; warn?: (line: string) => void },
): Promise<VerifyProblem[]> {
  if (o.connection === undefined && !config.url) return [];
  if (o.connection === undefined && !databaseFileExists(config.url!)) return [];
  try {
    return await withDatabaseSession(config, o, async (session) => {
      const changed = await runtimeModule().changedRevisionFiles({
        dialect: session.dialect,
        connection: session.connection,
        script,
        ...(config.versionTable !== undefined && { versionTable: config.versionTable }),
        ...(config.versionTableSchema !== undefined && { versionTableSchema: config.versionTableSchema }),
      });
      return changed.map((c): VerifyProblem => ({ kind: "file-changed", revision: c.revision, message: c.message }));
    });
  } catch (err) {
    if (!(err instanceof DatabaseError)) throw err;
    o.warn?.(`Applied revisions not compared with their files: ${err.message}`);
    return [];
  }
}

/** False for a SQLite or PGlite URL whose file or folder is not there (opening it would create it). */
function databaseFileExists(url: string): boolean {
  const d = require("@autogen/dialects") as typeof import("@autogen/dialects");
  const { filename } = d.parseUrl(url);
  if (filename === undefined) return true;
  return filename !== ":memory:" && existsSync(filename);
}

import * as path from "node:path";
import { CommandError } from "@autogen/core";
import type { Connection, Dialect } from "@autogen/dialects";
import type { ResolvedConfig } from "../config";
import { applyOnConnect } from "../database-session";
import type { FleetTarget } from "./fleet-target";

/**
 * `DIR/<name>.sql` for each target, the name's characters outside `A-Za-z0-9._-` replaced by `_`.
 *
 * @throws CommandError when two targets would write the same file.
 */
export function offlineFileNames(dir: string, targets: readonly FleetTarget[]): Map<string, string> {
  const byFile = new Map<string, string>();
  const files = new Map<string, string>();
  for (const t of targets) {
    const file = path.resolve(dir, `${t.name.replace(/[^A-Za-z0-9._-]/g, "_")}.sql`);
    const other = byFile.get(file);
    if (other !== undefined)
      throw new CommandError(`Targets '${other}' and '${t.name}' would both write ${file}; rename one`);
    byFile.set(file, t.name);
    files.set(t.name, file);
  }
  return files;
}

/**
 * The statements the config's `onConnect` sends for this target (its `-x` values), each ended
 * with `;` and a newline, to head its offline script: what makes a tenant's schema the default
 * online (SET search_path) must hold when the file is run. onConnect sees a session that records
 * instead of executing: every query answers no rows, and a statement with parameters is refused
 * (an offline file has nowhere to bind them).
 */
export async function onConnectStatements(cfg: ResolvedConfig, dialect: Dialect): Promise<string> {
  if (!cfg.onConnect) return "";
  const statements: string[] = [];
  const recorder: Connection = {
    dialect: dialect.name,
    async query<R>(sql: string, params?: readonly unknown[]) {
      if (params && params.length > 0)
        throw new CommandError(`onConnect sent a statement with parameters, which --sql cannot write: ${sql}`);
      statements.push(sql.trim().replace(/;$/, ""));
      return { rows: [] as R[], rowCount: 0 };
    },
    async serverVersion() {
      throw new CommandError("onConnect asked for the server version, which --sql cannot know");
    },
    async close() {},
  };
  await applyOnConnect(cfg, recorder, dialect);
  return statements.map((s) => `${s};\n`).join("") + (statements.length ? "\n" : "");
}

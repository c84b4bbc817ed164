import { CommandError } from "@autogen/core";
import type { CommandOptions } from "../command-options";
import type { AutogenConfig } from "../config";
import { withDatabaseSession } from "../database-session";
import { schemaDiffsModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";
import type { DiffResult } from "../pull-request/schema-diff-result";

export type { DiffResult } from "../pull-request/schema-diff-result";
export type { ObjectDiff } from "../schema-diff";

/**
 * The difference between two schemas as a unified diff of their DDL, one CREATE per table (with
 * its indexes and constraints), view or enum in canonical order, written by the dialect's DDL
 * compiler. Without revisions: the database (`a/`) against the models (`b/`: the database as the
 * pending upgrade ops would leave it), equal exactly when `check` finds nothing. With two
 * revisions (`base` allowed): the schemas their upgrades build on scratch databases (as
 * `verify` creates them), dropped afterwards.
 *
 * @returns the result; `equal` is false when anything differs (the CLI exits 1).
 * @throws CommandError for one revision or more than two, or an unknown one.
 */
export async function diff(
  config: AutogenConfig,
  revisions: readonly string[] = [],
  o: CommandOptions = {},
): Promise<DiffResult> {
  if (revisions.length !== 0 && revisions.length !== 2) {
    throw new CommandError(
      `diff takes no revision (database against models) or two (REV1 REV2), not ${revisions.length}`,
    );
  }
  const cfg = resolveConfig(config, { x: o.x });
  const module = schemaDiffsModule();
  if (revisions.length === 2) {
    const script = await loadScriptDirectory(cfg);
    return await module.revisionsAgainstEachOther({
      config: cfg,
      script,
      revisions: [revisions[0]!, revisions[1]!],
      ...(o.connection !== undefined && { connection: o.connection }),
      ...(o.log && { log: o.log }),
      ...(o.warn && { warn: o.warn }),
    });
  }
  return await withDatabaseSession(cfg, o, (session) =>
    module.databaseAgainstModels({
      config: cfg,
      connection: session.connection,
      dialect: session.dialect,
      database: describeDatabase(cfg, o),
      ...(o.warn && { warn: o.warn }),
    }),
  );
}

function describeDatabase(config: { url?: string }, o: CommandOptions): string {
  if (o.connection) return "the given connection";
  return (require("@autogen/dialects") as typeof import("@autogen/dialects")).maskUrl(config.url ?? "");
}

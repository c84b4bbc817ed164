import {
  DEFAULT_VERSION_TABLE,
  QualifiedName,
  Schema,
  applyOpsToSchema,
  revisionsTableName,
  type OpNode,
} from "@autogen/core";
import { schemaDdl, type Connection, type Dialect } from "@autogen/dialects";
import { createIntrospector } from "@autogen/reflection";
import { opInWords } from "@autogen/renderer";
import * as runtime from "@autogen/runtime";
import { catchRevisionErrors, type ScriptDirectory } from "@autogen/script";
import { compareWithModels, reflectedSchema, targetSchema } from "../autogenerate";
import type { ResolvedConfig } from "../config";
import { applyOnConnect } from "../database-session";
import { baseRunOptions } from "../run-options";
import { diffObjectDdl } from "../schema-diff";
import { withInterruptCleanup } from "../verify/interrupt-guard";
import { createScratchTarget, type ScratchTarget } from "../verify/scratch-target";
import type { DiffResult } from "./schema-diff-result";

/**
 * The database against the models. The `b/` side is the database with the ops autogenerate
 * would write applied to its schema model, so both sides are written from the same reflected
 * objects: equal exactly when `check` finds nothing, and a difference shows only what a revision
 * would change.
 */
export async function databaseAgainstModels(o: {
  config: ResolvedConfig;
  connection: Connection;
  dialect: Dialect;
  database: string;
  warn?: (line: string) => void;
}): Promise<DiffResult> {
  const { reflected, upgradeOps } = await compareWithModels(o);
  let after = reflected;
  const otherChanges: string[] = [];
  for (const op of upgradeOps.ops) {
    const next = applyOrSame(after, op);
    // An op that leaves the schema model as it was (an extension, rows, a custom op) still counts.
    if (next === after) otherChanges.push(...opInWords(op));
    after = next;
  }
  const objects = diffObjectDdl(ddlOf(o.config, o.dialect, reflected), ddlOf(o.config, o.dialect, after));
  return {
    equal: objects.length === 0 && otherChanges.length === 0,
    from: `the database (${o.database})`,
    to: "the models",
    objects,
    otherChanges,
  };
}

function applyOrSame(schema: Schema, op: OpNode): Schema {
  try {
    return applyOpsToSchema(schema, [op]);
  } catch {
    return schema;
  }
}

/**
 * The schemas two revisions build, each on a scratch database of its own (as `verify` makes
 * them: the server of `shadowUrl` or `url`, a temp file for SQLite), upgraded from nothing to
 * the revision and reflected; `base` is the empty schema. Both scratch databases are dropped.
 */
export async function revisionsAgainstEachOther(o: {
  config: ResolvedConfig;
  script: ScriptDirectory;
  revisions: readonly [string, string];
  connection?: unknown;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}): Promise<DiffResult> {
  // Unknown or ambiguous revisions are refused before any database is created.
  for (const rev of o.revisions) catchRevisionErrors(() => o.script.map.getRevisions(rev));
  const [a, b] = [await schemaAt(o, o.revisions[0]), await schemaAt(o, o.revisions[1])];
  const objects = diffObjectDdl(ddlOf(o.config, a.dialect, a.schema), ddlOf(o.config, b.dialect, b.schema));
  return {
    equal: objects.length === 0,
    from: `revision ${o.revisions[0]}`,
    to: `revision ${o.revisions[1]}`,
    objects,
    otherChanges: [],
  };
}

async function schemaAt(
  o: Parameters<typeof revisionsAgainstEachOther>[0],
  revision: string,
): Promise<{ dialect: Dialect; schema: Schema }> {
  const d = require("@autogen/dialects") as typeof import("@autogen/dialects");
  let target: ScratchTarget | undefined;
  return await withInterruptCleanup(
    async () => {
      await target?.database.drop();
    },
    async () => {
      target = await createScratchTarget(o.config, o, "diff");
      o.log?.(`${target.note} for ${revision}; it is dropped afterwards`);
      const connection = await target.database.connect();
      const dialect = d.getDialect(connection.dialect);
      await applyOnConnect(o.config, connection, dialect);
      if (revision !== "base") {
        await runtime.upgrade({ ...baseRunOptions(o.config, o.script, {}), dialect, connection, target: revision });
      }
      const hasModels = o.config.dataSource !== undefined || o.config.entities !== undefined;
      // The models say which named schemas to read (as autogenerate reads them).
      const model = hasModels ? await targetSchema(o.config, connection, dialect) : Schema.empty();
      const schema = await reflectedSchema(o.config, createIntrospector(connection, dialect), model, o.warn);
      return { dialect, schema };
    },
  );
}

/** The DDL of a schema, without autogen's own bookkeeping tables. */
function ddlOf(config: ResolvedConfig, dialect: Dialect, schema: Schema) {
  const versionTable = config.versionTable ?? DEFAULT_VERSION_TABLE;
  const own = new Set([versionTable, revisionsTableName(versionTable)]);
  const inVersionSchema = (t: QualifiedName) => (t.schema ?? null) === (config.versionTableSchema ?? null);
  const tables = schema.tables.filter((t) => !(own.has(t.name) && inVersionSchema(t)));
  return schemaDdl(dialect, Schema.create({ ...schema, tables }));
}

import { isDeepStrictEqual } from "node:util";
import { CommandError, QualifiedName, View, sortedSchema, type Enum, type Schema, type Table } from "@autogen/core";
import type { Dialect } from "@autogen/dialects";
import { buildEntityMetadatas } from "./entity-metadatas";
import { entitySchema, type EntityContext } from "./entity-context";
import { eventLoopTurn } from "./event-loop-turn";
import type { MetadataSource, SchemaFromTypeORMOptions } from "./metadata-source";
import { typeormDriverRules } from "./rules/typeorm-driver-rules";
import { checkSharedEnumNames } from "./shared-enum-names";
import { tableFromEntity } from "./table-from-entity";
import type { TypeORMEntityMetadata } from "./typeorm-shapes";
import { typeormTableViews } from "./typeorm-table";

/** Entity kinds that are tables: entities, many-to-many junctions, closure tables. STI children (`entity-child`) share their parent's table. */
const TABLE_TYPES: ReadonlySet<string> = new Set(["regular", "junction", "closure", "closure-junction"]);

/**
 * TypeORM entities → the core Schema they describe on `dialect`, without connecting to a
 * database: tables with columns, primary keys, indexes, unique constraints, foreign keys and
 * checks named exactly as TypeORM names them, PostgreSQL enum types, and views with a SQL
 * expression; everything canonicalised by `dialect.canonical`, as reflection does. Entities
 * with `synchronize: false` are left out, as TypeORM's schema builder leaves them out.
 *
 * Works with TypeORM 0.3.x and 1.x (`o.typeorm`, or the copy that made `source.dataSource`, or
 * `require("typeorm")`).
 */
export async function schemaFromTypeORM(
  source: MetadataSource,
  dialect: Dialect,
  o: SchemaFromTypeORMOptions = {},
): Promise<Schema> {
  const checking = process.env["AUTOGEN_CHECK_PLAIN_BUILD"] === "1";
  const { schema, plainBuild } = await builtSchema(source, dialect, o, { plainMustNotFail: checking });
  if (plainBuild && checking) {
    // Its warnings are the same ones again.
    const linear = await builtSchema(source, dialect, { ...o, warn: () => undefined }, { plain: false });
    assertSameSchema(schema, linear.schema);
  }
  return schema;
}

/**
 * The check mode of the plain metadata build (plain-metadata-build.ts): a plain model's schema
 * must be the one the linear build gives. A difference is a defect of the plain build.
 */
function assertSameSchema(plain: Schema, linear: Schema): void {
  if (isDeepStrictEqual(plain, linear)) return;
  const at = plain.tables.findIndex((t, i) => !isDeepStrictEqual(t, linear.tables[i]));
  const show = (s: Schema) => JSON.stringify(at >= 0 ? s.tables[at] : s).slice(0, 3000);
  throw new Error(`The plain metadata build differs from the linear build: ${show(plain)} vs ${show(linear)}`);
}

async function builtSchema(
  source: MetadataSource,
  dialect: Dialect,
  o: SchemaFromTypeORMOptions,
  build: { readonly plain?: boolean; readonly plainMustNotFail?: boolean },
): Promise<{ schema: Schema; plainBuild: boolean }> {
  const built = await buildEntityMetadatas(source, dialect.name, o, build);
  // Queries the caller sent meanwhile move on (autogenerate reflects while the model is built).
  await eventLoopTurn();
  const rules = typeormDriverRules(built.driver);
  const tableView = typeormTableViews(built.typeorm);
  checkSharedEnumNames(built.metadatas, (entity) => entitySchema(entity, built.driver, rules));
  const tables: Table[] = [];
  const enums = new Map<string, Enum>();
  const views: View[] = [];
  for (const entity of built.metadatas) {
    if (entity.synchronize === false) continue;
    const schema = entitySchema(entity, built.driver, rules, o.warn ?? ((line) => process.emitWarning(line)));
    if (entity.tableType === "view") {
      views.push(viewFromEntity(entity, schema, dialect, built.dataSource));
      continue;
    }
    if (!TABLE_TYPES.has(entity.tableType)) continue;
    const ctx: EntityContext = {
      entity,
      // Only a primary key name may need the whole Table (primary-key-from-entity.ts).
      typeormTable: tableView(entity, built.driver, rules.writes.primaryKeyName),
      driver: built.driver,
      namingStrategy: built.namingStrategy,
      rules,
      dialect,
      schema,
      ...(o.serverVersion !== undefined && { serverVersion: o.serverVersion }),
    };
    const result = tableFromEntity(ctx);
    tables.push(result.table);
    for (const e of result.enums) addEnum(enums, e);
  }
  const schemas = [...tables, ...views, ...enums.values()].map((x) => x.schema).filter((s): s is string => s !== null);
  return { schema: sortedSchema({ tables, enums: [...enums.values()], views, schemas }), plainBuild: built.plainBuild };
}

/** Several columns may share one enum type (same `enumName`); they must agree on its values. */
function addEnum(enums: Map<string, Enum>, e: Enum): void {
  const key = QualifiedName.key(e);
  const existing = enums.get(key);
  if (existing && existing.values.join("\u0000") !== e.values.join("\u0000")) {
    throw new CommandError(
      `Enum type ${key} is used with different values: (${existing.values.join(", ")}) and (${e.values.join(", ")})`,
    );
  }
  if (!existing) enums.set(key, e);
}

/**
 * A @ViewEntity: its SQL text, or the SQL its query-builder function renders, which needs the
 * DataSource's driver (for quoting) but no connection, as TypeORM's own createViewSql does.
 */
function viewFromEntity(
  entity: TypeORMEntityMetadata,
  schema: string | null,
  dialect: Dialect,
  dataSource: unknown,
): View {
  const expression = entity.expression;
  let sql: string;
  if (typeof expression === "string") sql = expression;
  else if (typeof expression === "function") {
    try {
      sql = (expression as (ds: unknown) => { getQuery(): string }).call(undefined, dataSource).getQuery();
    } catch (error) {
      throw new CommandError(
        `View entity ${entity.name}: its expression could not be rendered: ${(error as Error).message}`,
        { cause: error },
      );
    }
  } else throw new CommandError(`View entity ${entity.name} has no expression`);
  const materialized =
    (entity as { tableMetadataArgs?: { materialized?: boolean } }).tableMetadataArgs?.materialized ?? false;
  return View.create(entity.tableName, dialect.canonical.expression(sql), { schema, materialized });
}

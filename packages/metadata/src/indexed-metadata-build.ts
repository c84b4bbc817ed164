import { indexedMetadataArgs } from "./indexed-metadata-args";
import { buildEntityMetadatasLinear, canBuildLinear, type BuildInternals } from "./linear-metadata-build";
import { requireInternal, type TypeORMModule } from "./typeorm-module";
import type { TypeORMEntityMetadata } from "./typeorm-shapes";

interface Internals extends BuildInternals {
  splitClassesAndStrings(list: unknown[]): [unknown[], string[]];
  importClassesFromDirectories(logger: unknown, directories: string[]): Promise<unknown[]>;
  isEntitySchema(value: unknown): boolean;
  getMetadataArgsStorage(): object;
  EntitySchemaTransformer: new () => { transform(schemas: unknown[]): object };
  EntityMetadataBuilder: new (
    dataSource: unknown,
    storage: object,
  ) => { build(classes?: unknown[]): TypeORMEntityMetadata[] };
}

/** TypeORM's internal modules the build needs, from the copy `tm`; undefined if one is missing. */
function internals(tm: TypeORMModule): Internals | undefined {
  const load = <M>(path: string) => requireInternal<M>(tm, path);
  const orm = load<{ OrmUtils?: Pick<Internals, "splitClassesAndStrings"> }>("util/OrmUtils")?.OrmUtils;
  const loader = load<Partial<Pick<Internals, "importClassesFromDirectories">>>("util/DirectoryExportedClassesLoader");
  const checker = load<{ InstanceChecker?: Pick<Internals, "isEntitySchema"> }>(
    "util/InstanceChecker",
  )?.InstanceChecker;
  const globals = load<Partial<Pick<Internals, "getMetadataArgsStorage">>>("globals");
  const transformer = load<Partial<Pick<Internals, "EntitySchemaTransformer">>>(
    "entity-schema/EntitySchemaTransformer",
  );
  const builder = load<Partial<Pick<Internals, "EntityMetadataBuilder">>>("metadata-builder/EntityMetadataBuilder");
  const index = load<Partial<Pick<Internals, "IndexMetadata">>>("metadata/IndexMetadata");
  const driverUtils = load<{ DriverUtils?: { isMySQLFamily(driver: unknown): boolean } }>(
    "driver/DriverUtils",
  )?.DriverUtils;
  if (!orm || !loader?.importClassesFromDirectories || !checker || !globals?.getMetadataArgsStorage) return undefined;
  if (!transformer?.EntitySchemaTransformer || !builder?.EntityMetadataBuilder) return undefined;
  if (!index?.IndexMetadata || !driverUtils) return undefined;
  return {
    splitClassesAndStrings: (list) => orm.splitClassesAndStrings(list),
    importClassesFromDirectories: loader.importClassesFromDirectories,
    isEntitySchema: (value) => checker.isEntitySchema(value),
    getMetadataArgsStorage: globals.getMetadataArgsStorage,
    EntitySchemaTransformer: transformer.EntitySchemaTransformer,
    EntityMetadataBuilder: builder.EntityMetadataBuilder,
    IndexMetadata: index.IndexMetadata,
    isMySQLFamily: (driver) => driverUtils.isMySQLFamily(driver),
  };
}

/**
 * What TypeORM's `ConnectionMetadataBuilder.buildEntityMetadatas` does (same steps, same
 * order, in 0.3.x and 1.x alike), except that each EntityMetadataBuilder reads its metadata
 * args through {@link indexedMetadataArgs} and its build runs as {@link buildEntityMetadatasLinear}:
 * linear instead of quadratic in the number of entities. Undefined when this TypeORM copy lacks one of the internal modules; the caller
 * then uses TypeORM's own builder.
 */
export async function buildEntityMetadatasIndexed(
  tm: TypeORMModule,
  dataSource: { logger?: unknown },
  entities: unknown[],
): Promise<TypeORMEntityMetadata[] | undefined> {
  const t = internals(tm);
  if (!t) return undefined;
  const [classesOrSchemas, directories] = t.splitClassesAndStrings(entities);
  const classes = [
    ...classesOrSchemas.filter((e) => !t.isEntitySchema(e)),
    ...(await t.importClassesFromDirectories(dataSource.logger, directories)),
  ];
  const schemas = [
    ...classesOrSchemas.filter((e) => t.isEntitySchema(e)),
    ...classes.filter((e) => t.isEntitySchema(e)),
  ];
  const build = async (storage: object, classes?: unknown[]): Promise<TypeORMEntityMetadata[]> => {
    const builder = new t.EntityMetadataBuilder(dataSource, indexedMetadataArgs(storage));
    return canBuildLinear(builder) ? buildEntityMetadatasLinear(builder, t, classes) : builder.build(classes);
  };
  const fromDecorators = await build(t.getMetadataArgsStorage(), classes);
  const fromSchemas = await build(new t.EntitySchemaTransformer().transform(schemas));
  return [...fromDecorators, ...fromSchemas];
}

import { indexedMetadataArgs } from "./indexed-metadata-args";
import { buildEntityMetadatasLinear, canBuildLinear, type Builder } from "./linear-metadata-build";
import { buildPlainEntityMetadatas, plainModelTables, type PlainBuildInternals } from "./plain-metadata-build";
import { requireInternal, type TypeORMModule } from "./typeorm-module";
import type { TypeORMEntityMetadata } from "./typeorm-shapes";

interface Internals extends Omit<PlainBuildInternals, PlainOnly> {
  readonly plain: Pick<PlainBuildInternals, PlainOnly> | undefined;
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

/** The classes only the plain build needs: without one of them, every build is linear. */
type PlainOnly = "ColumnMetadata" | "RelationMetadata" | "UniqueMetadata" | "CheckMetadata" | "EntityListenerMetadata";
const PLAIN_ONLY: Readonly<Record<PlainOnly, string>> = {
  ColumnMetadata: "metadata/ColumnMetadata",
  RelationMetadata: "metadata/RelationMetadata",
  UniqueMetadata: "metadata/UniqueMetadata",
  CheckMetadata: "metadata/CheckMetadata",
  EntityListenerMetadata: "metadata/EntityListenerMetadata",
};

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
  const plain: Partial<Record<PlainOnly, unknown>> = {};
  for (const [name, path] of Object.entries(PLAIN_ONLY) as [PlainOnly, string][])
    plain[name] = load<Partial<Record<PlainOnly, unknown>>>(path)?.[name];
  return {
    plain: Object.values(plain).every((c) => typeof c === "function")
      ? (plain as Pick<PlainBuildInternals, PlainOnly>)
      : undefined,
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

/** How {@link buildEntityMetadatasIndexed} may build. */
export interface IndexedBuildOptions {
  /** Whether a plain model of decorated classes gets the plain build (plain-metadata-build.ts); default true. */
  readonly plain?: boolean;
  /** A failed plain build throws instead of handing over to the linear build (the check mode). */
  readonly plainMustNotFail?: boolean;
  /** Called when the plain build made the decorated entities' metadata. */
  readonly onPlainBuild?: () => void;
}

/**
 * What TypeORM's `ConnectionMetadataBuilder.buildEntityMetadatas` does (same steps, same
 * order, in 0.3.x and 1.x alike), except that each EntityMetadataBuilder reads its metadata
 * args through {@link indexedMetadataArgs} and its build runs as {@link buildPlainEntityMetadatas}
 * when the decorated classes make a plain model, else as {@link buildEntityMetadatasLinear}:
 * linear instead of quadratic in the number of entities. Undefined when this TypeORM copy lacks
 * one of the internal modules; the caller then uses TypeORM's own builder.
 */
export async function buildEntityMetadatasIndexed(
  tm: TypeORMModule,
  dataSource: { logger?: unknown; driver?: { options?: { type?: string } } },
  entities: unknown[],
  o: IndexedBuildOptions = {},
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
    if (!canBuildLinear(builder)) return builder.build(classes);
    const b = builder as unknown as Builder;
    const plain =
      o.plain !== false && t.plain && classes
        ? plainModelTables(b.metadataArgsStorage, dataSource.driver?.options?.type ?? "", classes)
        : undefined;
    if (plain) {
      try {
        const metadatas = await buildPlainEntityMetadatas(b, { ...t, ...t.plain! }, plain);
        o.onPlainBuild?.();
        return metadatas;
      } catch (error) {
        // The linear build gives TypeORM's own answer for this model, or TypeORM's own error.
        if (o.plainMustNotFail) throw error;
      }
    }
    return buildEntityMetadatasLinear(b, t, classes);
  };
  const fromDecorators = await build(t.getMetadataArgsStorage(), classes);
  const fromSchemas = await build(new t.EntitySchemaTransformer().transform(schemas));
  return [...fromDecorators, ...fromSchemas];
}

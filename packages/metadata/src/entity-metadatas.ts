import { CommandError } from "@autogen/core";
import type { DialectName } from "@autogen/dialects";
import type { MetadataSource, SchemaFromTypeORMOptions } from "./metadata-source";
import { buildEntityMetadatasIndexed, type IndexedBuildOptions } from "./indexed-metadata-build";
import { validateLinear, type MetadataValidator } from "./linear-validation";
import { applyServerVersion } from "./server-version";
import { requireInternal, resolveTypeORM, type TypeORMModule } from "./typeorm-module";
import type { DataSourceLike, TypeORMDriver, TypeORMEntityMetadata, TypeORMNamingStrategy } from "./typeorm-shapes";
import { typeormVersionAdapter } from "./typeorm-version-adapter";

/** Entity metadata built offline, with the driver and naming strategy it was built for. */
export interface BuiltMetadata {
  readonly typeorm: TypeORMModule;
  readonly metadatas: readonly TypeORMEntityMetadata[];
  readonly driver: TypeORMDriver;
  readonly namingStrategy: TypeORMNamingStrategy;
  /** The DataSource the metadata belongs to (query-builder view expressions take it): a private, never-connected one, or the caller's initialized one. */
  readonly dataSource: unknown;
  /** Whether the decorated entities were built by the plain build (plain-metadata-build.ts). */
  readonly plainBuild: boolean;
}

/**
 * DataSource options that shape entity metadata. Everything else (credentials, pools, `url`,
 * `useUTC`, which sets process.env.PGTZ in the constructor) is left out of the private
 * DataSource we build.
 */
const METADATA_OPTIONS = [
  "entities",
  "namingStrategy",
  "entityPrefix",
  "schema",
  "database",
  "uuidExtension",
  "legacySpatialSupport",
] as const;

/** Placeholder database names: MySQL's validator insists on one; SQLite's driver expects one. */
const PLACEHOLDER_DATABASE: Record<DialectName, string | undefined> = {
  mysql: "autogen",
  sqlite: ":memory:",
  postgres: undefined,
};

interface MetadataBuilderCtor {
  new (dataSource: unknown): { buildEntityMetadatas(entities: unknown[]): Promise<TypeORMEntityMetadata[]> };
}
interface ValidatorCtor {
  new (): MetadataValidator;
}
interface PrivateDataSource {
  logger?: unknown;
  driver: TypeORMDriver & { version?: string };
  namingStrategy: TypeORMNamingStrategy;
  entityMetadatas?: TypeORMEntityMetadata[];
  buildMetadatas?(): Promise<void>;
}

/**
 * Builds TypeORM's entity metadata for `dialect` without connecting (as TypeORM's DataSource.buildMetadatas does): a
 * private DataSource of the dialect's type, then ConnectionMetadataBuilder + validator, as
 * TypeORM's own initialize() does minus the connection. Metadata is driver-specific (MySQL
 * turns @Unique into unique indexes, create-date types differ), hence one build per dialect.
 */
export async function buildEntityMetadatas(
  source: MetadataSource,
  dialect: DialectName,
  o: SchemaFromTypeORMOptions = {},
  build: Omit<IndexedBuildOptions, "onPlainBuild"> = {},
): Promise<BuiltMetadata> {
  if (!source.dataSource && !source.entities)
    throw new CommandError("No TypeORM metadata source: give a dataSource or entities");
  const tm = resolveTypeORM({ typeorm: o.typeorm, dataSource: source.dataSource });
  const adapter = typeormVersionAdapter(tm.major);
  const given: Record<string, unknown> = source.dataSource
    ? { ...source.dataSource.options }
    : { ...(source.dataSourceOptions ?? {}), entities: source.entities };
  const type = adapter.driverType(dialect, given["type"]);
  const reused = source.dataSource && builtBy(source.dataSource, type, o.serverVersion);
  if (reused) return { typeorm: tm, ...reused, plainBuild: false };
  const options: Record<string, unknown> = { type, migrations: [], subscribers: [] };
  for (const key of METADATA_OPTIONS) if (given[key] !== undefined) options[key] = given[key];
  options["database"] ??= PLACEHOLDER_DATABASE[dialect];
  Object.assign(options, adapter.offlineDriverOptions(type));

  let ds: PrivateDataSource;
  try {
    ds = new tm.exports.DataSource(options) as PrivateDataSource;
  } catch (error) {
    throw new CommandError(`Could not create a TypeORM DataSource of type ${type}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (o.serverVersion) applyServerVersion(ds.driver, o.serverVersion);

  const entities = flattenEntities(options["entities"]);
  let plainBuild = false;
  const metadatas = await buildWith(tm, ds, entities, { ...build, onPlainBuild: () => (plainBuild = true) });
  return { typeorm: tm, metadatas, driver: ds.driver, namingStrategy: ds.namingStrategy, dataSource: ds, plainBuild };
}

/** Dialects whose entity metadata TypeORM shapes by the server version (MariaDB uuid and json). */
const VERSIONED_TYPES: ReadonlySet<string> = new Set(["mysql", "mariadb"]);

/**
 * The metadata an initialized DataSource already holds, when it is what the offline build would
 * make: TypeORM built it for the same driver type and, where metadata depends on the server
 * version, for the same version. Saves a second build of the same entities.
 */
function builtBy(
  dataSource: DataSourceLike,
  type: string,
  serverVersion: string | undefined,
): Omit<BuiltMetadata, "typeorm" | "plainBuild"> | undefined {
  const ds = dataSource as DataSourceLike & Partial<PrivateDataSource>;
  if (!ds.isInitialized || !ds.driver || !ds.namingStrategy || !Array.isArray(ds.entityMetadatas)) return undefined;
  if (ds.options["type"] !== type) return undefined;
  if (VERSIONED_TYPES.has(type) && (serverVersion === undefined || ds.driver.version !== serverVersion))
    return undefined;
  return { metadatas: ds.entityMetadatas, driver: ds.driver, namingStrategy: ds.namingStrategy, dataSource: ds };
}

async function buildWith(
  tm: TypeORMModule,
  ds: PrivateDataSource,
  entities: unknown[],
  o: IndexedBuildOptions,
): Promise<TypeORMEntityMetadata[]> {
  const Builder = requireInternal<{ ConnectionMetadataBuilder: MetadataBuilderCtor }>(
    tm,
    "connection/ConnectionMetadataBuilder",
  )?.ConnectionMetadataBuilder;
  const Validator = requireInternal<{ EntityMetadataValidator: ValidatorCtor }>(
    tm,
    "metadata-builder/EntityMetadataValidator",
  )?.EntityMetadataValidator;
  try {
    if (Builder && Validator) {
      const metadatas =
        (await buildEntityMetadatasIndexed(tm, ds, entities, o)) ??
        (await new Builder(ds).buildEntityMetadatas(entities));
      validateLinear(
        new Validator(),
        metadatas.filter((m) => m.tableType !== "view"),
        ds.driver,
      );
      // Some metadata helpers look entities up through their DataSource.
      Object.assign(ds, {
        entityMetadatas: metadatas,
        entityMetadatasMap: new Map(metadatas.map((m) => [(m as { target?: unknown }).target, m])),
      });
      return metadatas;
    }
    // A TypeORM copy we cannot deep-import (ESM-only load): the protected method does the same
    // build, and also points BaseEntity subclasses at this private DataSource.
    await ds.buildMetadatas!();
    return ds.entityMetadatas ?? [];
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(`Could not build TypeORM entity metadata: ${(error as Error).message}`, { cause: error });
  }
}

/** DataSource `entities` may be an array, nested arrays, or an object of classes (TypeORM's mixedListToArray). */
function flattenEntities(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(flattenEntities);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value).flatMap(flattenEntities);
  return [value];
}

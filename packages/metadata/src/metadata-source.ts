import type { DataSourceLike } from "./typeorm-shapes";

export type { DataSourceLike } from "./typeorm-shapes";

/** Where the target schema comes from: a DataSource, or entities plus DataSource options. */
export interface MetadataSource {
  /**
   * A TypeORM DataSource instance; never initialised, connected or modified here. When it is
   * initialized already with the driver the dialect's metadata is built for (and, on MySQL and
   * MariaDB, the same server version), its entity metadata is used instead of a second build.
   */
  dataSource?: DataSourceLike;
  /** Entity classes, EntitySchema instances or glob strings (as in DataSource `entities`). */
  entities?: unknown[];
  /** With `entities`: the DataSource options that shape metadata (namingStrategy, entityPrefix, schema, database, type mysql|mariadb, uuidExtension). */
  dataSourceOptions?: Record<string, unknown>;
}

/** Options of {@link schemaFromTypeORM}. */
export interface SchemaFromTypeORMOptions {
  /** The typeorm module to use; default: the copy that made `dataSource`, else `require("typeorm")` from this process. */
  typeorm?: unknown;
  /**
   * The database server version (e.g. `10.11.6` for MariaDB), which TypeORM's drivers learn only
   * on connect: with it, version-dependent mappings (MariaDB >= 10.7 native `uuid`, MariaDB
   * `json` as longtext before 10.4.3) come out as TypeORM would make them.
   */
  serverVersion?: string;
  /** Where what TypeORM ignores in the entities is reported (one line each); default: process.emitWarning. */
  warn?: (line: string) => void;
}

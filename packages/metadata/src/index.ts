/**
 * @autogen/metadata: TypeORM entities (a DataSource, or entity classes / EntitySchemas / globs
 * with DataSource options) → the core Schema they describe on a dialect, built offline with
 * TypeORM 0.3.x or 1.x and canonicalised exactly as reflection canonicalises a live database.
 */
export type { MetadataSource, DataSourceLike, SchemaFromTypeORMOptions } from "./metadata-source";
export { schemaFromTypeORM } from "./schema-from-typeorm";

export type { MetadataSource, DataSourceLike, SchemaFromTypeORMOptions } from "./metadata-source";
export { schemaFromTypeORM } from "./schema-from-typeorm";
export { buildEntityMetadatas, type BuiltMetadata } from "./entity-metadatas";

import type { Dialect } from "@autogen/dialects";
import type { TypeORMDriverRules } from "./rules/typeorm-driver-rules";
import type { TypeORMDriver, TypeORMEntityMetadata, TypeORMNamingStrategy, TypeORMTable } from "./typeorm-shapes";

/** Everything the per-aspect mappers need to turn one entity into one table. */
export interface EntityContext {
  readonly entity: TypeORMEntityMetadata;
  /** TypeORM's own `Table.create(entity, driver)`: normalised columns in entity column order. */
  readonly typeormTable: TypeORMTable;
  readonly driver: TypeORMDriver;
  readonly namingStrategy: TypeORMNamingStrategy;
  readonly rules: TypeORMDriverRules;
  readonly dialect: Dialect;
  /** The table's schema, null for the DataSource's default one. */
  readonly schema: string | null;
}

/**
 * The schema of an entity's table, or null when it is the DataSource's default. As in
 * TypeORM's `Table.create`, a schema (PostgreSQL) or database (MySQL, SQLite attached
 * databases) equal to the DataSource's own counts as the default.
 */
export function entitySchema(entity: TypeORMEntityMetadata, driver: TypeORMDriver): string | null {
  if (entity.schema && entity.schema !== driver.options.schema) return entity.schema;
  if (entity.database && entity.database !== (driver.database ?? driver.options.database)) return entity.database;
  return null;
}

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
 * The schema (PostgreSQL) or database (MySQL, SQLite attached databases) of an entity's table,
 * or null when it is the default one, the DataSource's own (as TypeORM's `Table.create` strips
 * it) or the driver's built-in one.
 */
export function entitySchema(
  entity: TypeORMEntityMetadata,
  driver: TypeORMDriver,
  rules: TypeORMDriverRules,
): string | null {
  const given = entity.schema || entity.database || null;
  if (given === null) return null;
  return given === rules.defaultSchema(driver) ? null : given;
}

import type { Dialect } from "@autogen/dialects";
import type { TypeORMDriverRules } from "./rules/typeorm-driver-rules";
import type { TypeORMDriver, TypeORMEntityMetadata, TypeORMNamingStrategy } from "./typeorm-shapes";
import type { TypeORMTableView } from "./typeorm-table";

/** Everything the per-aspect mappers need to turn one entity into one table. */
export interface EntityContext {
  readonly entity: TypeORMEntityMetadata;
  /** TypeORM's own `Table.create(entity, driver)`: its normalised columns, in entity column order, and the Table when needed. */
  readonly typeormTable: TypeORMTableView;
  readonly driver: TypeORMDriver;
  readonly namingStrategy: TypeORMNamingStrategy;
  readonly rules: TypeORMDriverRules;
  readonly dialect: Dialect;
  /** The table's schema, null for the DataSource's default one. */
  readonly schema: string | null;
  /** The server's VERSION() text, when known (what it enforces may depend on it). */
  readonly serverVersion?: string;
}

/**
 * The schema (PostgreSQL) or database (MySQL, SQLite attached databases) of an entity's table,
 * or null when it is the default one, the DataSource's own (as TypeORM's `Table.create` strips
 * it) or the driver's built-in one. Where TypeORM ignores `@Entity({ schema })` (MySQL/MariaDB,
 * SQLite: no schemas) so does this, and `warn` says so.
 */
export function entitySchema(
  entity: TypeORMEntityMetadata,
  driver: TypeORMDriver,
  rules: TypeORMDriverRules,
  warn: (line: string) => void = () => undefined,
): string | null {
  if (!rules.writes.schemas && entity.schema && entity.schema !== entity.database) {
    warn(
      `Entity ${entity.name}: schema "${entity.schema}" is ignored on ${driver.options.type}, as TypeORM ignores it there (the table is in the connection's database)`,
    );
  }
  const given = (rules.writes.schemas ? entity.schema : undefined) || entity.database || null;
  if (given === null) return null;
  return given === rules.defaultSchema(driver) ? null : given;
}

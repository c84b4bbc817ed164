import type { Generated, Identity } from "@autogen/core";
import type { TypeORMColumnMetadata, TypeORMDriver, TypeORMIndexMetadata, TypeORMTableColumn } from "../typeorm-shapes";
import { mysqlDriverRules } from "./mysql-driver-rules";
import { postgresDriverRules } from "./postgres-driver-rules";
import { sqliteDriverRules } from "./sqlite-driver-rules";

/** One column as the rules see it: TypeORM's metadata, its normalised TableColumn, and where it lives. */
export interface ColumnContext {
  readonly meta: TypeORMColumnMetadata;
  readonly column: TypeORMTableColumn;
  readonly driver: TypeORMDriver;
  /** Table name without schema, entity prefix applied. */
  readonly tableName: string;
  readonly schema: string | null;
}

/** A PostgreSQL enum type a column uses. */
export interface EnumTypeRef {
  readonly schema: string | null;
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * What TypeORM's QueryRunner for one driver family writes into the database for metadata
 * (createTableSql / buildCreateColumnSql / createIndexSql): TypeORM behaviour, kept here per
 * TypeORM driver, so the Schema describes the tables TypeORM itself would create. How the
 * database then spells types and defaults is the dialect canonicalizer's business.
 */
export interface TypeORMDriverRules {
  /** Column type text as TypeORM writes it after the column name. */
  typeText(c: ColumnContext, enumType: EnumTypeRef | null): string;
  /** The enum type a column needs (PostgreSQL CREATE TYPE), or null. */
  enumType(c: ColumnContext): EnumTypeRef | null;
  /** A default TypeORM adds by itself (PostgreSQL uuid generation), when the entity gives none. */
  implicitDefault(c: ColumnContext): string | null;
  autoIncrement(meta: TypeORMColumnMetadata): boolean;
  identity(meta: TypeORMColumnMetadata): Identity | null;
  generated(meta: TypeORMColumnMetadata): Generated | null;
  /** CHECK expressions TypeORM writes for a column (SQLite enums), raw. */
  columnChecks(c: ColumnContext): readonly string[];
  /** The schema (PostgreSQL) or database (MySQL) a table without one lives in, if known offline. */
  defaultSchema(driver: TypeORMDriver): string | undefined;
  /** Index access method / kind (`gist`, `fulltext`, ...), null for the default. */
  indexUsing(index: TypeORMIndexMetadata): string | null;
  /** Which metadata TypeORM writes at all on this driver family. */
  readonly writes: {
    /** `@Entity({ schema })` places the table in that schema (PostgreSQL); elsewhere TypeORM ignores it. */
    readonly schemas: boolean;
    readonly comments: boolean;
    readonly charset: boolean;
    readonly onUpdate: boolean;
    readonly primaryKeyName: boolean;
    readonly partialIndexes: boolean;
    readonly checks: boolean;
    /** `@Exclusion` constraints: TypeORM creates them on PostgreSQL only and ignores them elsewhere. */
    readonly exclusions: boolean;
    readonly deferrableUniques: boolean;
    readonly deferrableForeignKeys: boolean;
  };
}

/** The rules for the TypeORM driver a DataSource was built with. */
export function typeormDriverRules(driver: TypeORMDriver): TypeORMDriverRules {
  switch (driver.options.type) {
    case "postgres":
      return postgresDriverRules;
    case "mysql":
    case "mariadb":
      return mysqlDriverRules;
    case "sqlite":
    case "better-sqlite3":
      return sqliteDriverRules;
    default:
      throw new Error(`TypeORM driver type ${driver.options.type} is not supported`);
  }
}

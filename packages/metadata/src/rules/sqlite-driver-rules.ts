import type { TypeORMDriverRules } from "./typeorm-driver-rules";

/**
 * TypeORM's AbstractSqliteQueryRunner: enums as varchar plus an unnamed inline
 * `CHECK("col" IN (...))`, AUTOINCREMENT for `increment`, an unnamed PRIMARY KEY, no comments,
 * charsets, ON UPDATE, spatial or fulltext indexes; DEFERRABLE on foreign keys only (SQLite has
 * no deferrable unique constraints).
 */
export const sqliteDriverRules: TypeORMDriverRules = {
  // AbstractSqliteDriver.createFullType already answers `varchar` for enum columns.
  typeText: (c) => c.driver.createFullType(c.column),
  enumType: () => null,
  implicitDefault: () => null,
  autoIncrement: (m) => m.isGenerated && m.generationStrategy === "increment",
  identity: () => null,
  generated: (m) => (m.asExpression ? { expression: m.asExpression, stored: m.generatedType === "STORED" } : null),
  columnChecks: (c) =>
    c.column.enum && !c.meta.isArray
      ? [
          `"${c.column.name.replaceAll('"', '""')}" IN (${c.column.enum.map((v) => `'${String(v).replaceAll("'", "''")}'`).join(",")})`,
        ]
      : [],
  // `main` is SQLite's name for the database file itself; attached databases have others.
  defaultSchema: () => "main",
  indexUsing: () => null,
  writes: {
    schemas: false,
    comments: false,
    charset: false,
    onUpdate: false,
    primaryKeyName: false,
    partialIndexes: true,
    checks: true,
    exclusions: false,
    deferrableUniques: false,
    deferrableForeignKeys: true,
  },
};

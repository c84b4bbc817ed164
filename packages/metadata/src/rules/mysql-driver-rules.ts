import type { TypeORMDriverRules } from "./typeorm-driver-rules";

/**
 * TypeORM's MysqlQueryRunner (MySQL and MariaDB): inline `enum('a','b')`, UNSIGNED/ZEROFILL,
 * AUTO_INCREMENT only for `increment`, VIRTUAL or STORED generated columns, ON UPDATE. It never
 * writes CHECK constraints ("MySql does not support check constraints"), partial indexes or
 * DEFERRABLE, and the primary key is always called PRIMARY.
 */
export const mysqlDriverRules: TypeORMDriverRules = {
  typeText: (c) => {
    let type = c.driver.createFullType(c.column);
    // 0.3 only: ZEROFILL implies UNSIGNED in MySQL, and TypeORM writes one or the other.
    if (c.meta.zerofill) type += " unsigned zerofill";
    else if (c.meta.unsigned) type += " unsigned";
    if (c.column.enum) type += `(${c.column.enum.map((v) => `'${String(v).replaceAll("'", "''")}'`).join(",")})`;
    return type;
  },
  enumType: () => null,
  implicitDefault: () => null,
  autoIncrement: (m) => m.isGenerated && m.generationStrategy === "increment",
  identity: () => null,
  generated: (m) => (m.asExpression ? { expression: m.asExpression, stored: m.generatedType === "STORED" } : null),
  columnChecks: () => [],
  defaultSchema: (driver) => driver.database ?? driver.options.database,
  indexUsing: (i) => (i.isSpatial ? "spatial" : i.isFulltext ? "fulltext" : null),
  writes: {
    schemas: false,
    comments: true,
    charset: true,
    onUpdate: true,
    primaryKeyName: false,
    partialIndexes: false,
    // TypeORM's query runner writes no CHECK here; autogen creates @Check where the server
    // enforces it (checksFromEntity asks Dialect.enforcesChecks).
    checks: true,
    exclusions: false,
    deferrableUniques: false,
    deferrableForeignKeys: false,
  },
};

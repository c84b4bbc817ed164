import type { Dialect } from "@autogen/dialects";
import type { ColumnContext } from "./rules/typeorm-driver-rules";

/**
 * The column default as raw SQL, before canonicalisation: TypeORM's `driver.normalizeDefault`
 * (numbers, booleans, `() => "CURRENT_TIMESTAMP"` functions, arrays, JSON objects), except for
 * string values, which TypeORM writes as `'${value}'` with no escaping (`'it's'` is broken SQL),
 * so they go through the dialect's literal quoting instead, and numbers TypeORM rounds.
 */
export function rawColumnDefault(c: ColumnContext, dialect: Dialect): string | null {
  const value = c.meta.default;
  if (value === null || value === undefined) return null;
  if (typeof value === "string" && !c.meta.isArray) return dialect.literal(value);
  const rendered = c.column.default ?? null;
  // MysqlDriver renders numbers with toFixed(scale), and a float/double/int has no scale, so
  // `default: 1.5` became '2'; keep the number the entity states.
  if (typeof value === "number" && rendered !== null && Number(rendered.replace(/^'(.*)'$/, "$1")) !== value) return String(value);
  return rendered;
}

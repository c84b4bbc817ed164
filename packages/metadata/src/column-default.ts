import type { Dialect } from "@autogen/dialects";
import type { ColumnContext } from "./rules/typeorm-driver-rules";

/**
 * The column default as raw SQL, before canonicalisation: TypeORM's `driver.normalizeDefault`
 * (numbers, booleans, `() => "CURRENT_TIMESTAMP"` functions, arrays, JSON objects), except for
 * string values, which TypeORM writes as `'${value}'` with no escaping (`'it's'` is broken SQL),
 * so they go through the dialect's literal quoting instead, array defaults (joined unquoted too),
 * and numbers TypeORM rounds.
 */
export function rawColumnDefault(c: ColumnContext, dialect: Dialect): string | null {
  const value = c.meta.default;
  if (value === null || value === undefined) return null;
  if (typeof value === "string" && !c.meta.isArray) return dialect.literal(value);
  // An array column's default array: TypeORM joins the elements unquoted (`'{it's}'`).
  if (c.meta.isArray && Array.isArray(value) && dialect.arrayLiteral) return dialect.arrayLiteral(value);
  // A JSON object or array as the default of a json column: its JSON text. TypeORM's
  // MysqlDriver writes it with `${value}` ("[object Object]", "a,b"), which is not SQL. (A set
  // or simple-array default is an array too, rendered by TypeORM as its list.)
  if (isJsonValue(value) && !c.meta.isArray && /json/i.test(String(c.column.type))) return dialect.literal(value);
  const rendered = c.column.default ?? null;
  // MysqlDriver renders numbers with toFixed(scale), and a float/double/int has no scale, so
  // `default: 1.5` became '2'; keep the number the entity states.
  if (typeof value === "number" && rendered !== null && Number(rendered.replace(/^'(.*)'$/, "$1")) !== value)
    return String(value);
  return rendered;
}

/** A plain object or an array (not a Date, Buffer or other class instance). */
function isJsonValue(value: unknown): value is object {
  return (
    Array.isArray(value) ||
    (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype)
  );
}

import { postgresSyntax } from "./postgres-syntax";

/**
 * An element needs double quotes in PostgreSQL's array text when it is empty, is the word NULL,
 * or holds a brace, comma, quote, backslash or white space (the rules of array_out).
 */
const NEEDS_QUOTES = /^$|^null$|[{}," \\\t\n\r\f\v]/i;

/** One element in array text as PostgreSQL prints it: booleans as t/f, nested arrays in braces. */
function element(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (Array.isArray(value)) return arrayText(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/["\\]/g, "\\$&")}"` : text;
}

function arrayText(values: readonly unknown[]): string {
  return `{${values.map(element).join(",")}}`;
}

/**
 * A JS array as a PostgreSQL array literal in the form the catalog prints a stored default:
 * `["it's", "a b", true]` is `'{it''s,"a b",t}'`. TypeORM writes `'{it's,a b,true}'`, which is
 * broken SQL for a quote and another value for a comma or brace.
 */
export function postgresArrayLiteral(values: readonly unknown[]): string {
  return postgresSyntax.literal(arrayText(values));
}

import { freeze, type Column } from "@autogen/core";
import type { ConstraintKind, RiskRules } from "../risks/risk-rules";
import { parseType } from "../type-widths";

const VARYING = new Set(["varchar", "character varying", "varbit", "bit varying"]);
const TEXTS = new Set(["text", "varchar", "character varying"]);
const NUMERIC = new Set(["numeric", "decimal"]);

/**
 * Type changes PostgreSQL makes without rewriting the table (binary-coercible, no USING):
 * a varying type made longer or unbounded, varchar to text, numeric with more precision and
 * the same scale (https://www.postgresql.org/docs/current/sql-altertable.html, Notes).
 */
function inPlaceTypeChange(fromType: string, toType: string): boolean {
  if (fromType === toType) return true;
  const from = parseType(fromType);
  const to = parseType(toType);
  if (VARYING.has(from.base) && (from.base === to.base || (TEXTS.has(from.base) && TEXTS.has(to.base)))) {
    const [fl] = from.args;
    const [tl] = to.args;
    return tl === undefined || (fl !== undefined && tl >= fl);
  }
  if (from.base === "text" && TEXTS.has(to.base)) return to.args.length === 0;
  if (NUMERIC.has(from.base) && NUMERIC.has(to.base)) {
    const [fp, fs = 0] = from.args;
    const [tp, ts = 0] = to.args;
    return tp === undefined || (fp !== undefined && tp >= fp && ts === fs);
  }
  return false;
}

/** Defaults evaluated per row: adding a column with one writes every row. */
const VOLATILE_DEFAULT = /\b(?:gen_random_uuid|uuid_generate_v\d\w*|random|clock_timestamp|nextval)\s*\(/i;

const rewrites = (table: string): string =>
  `rewrites table ${table} and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait)`;

/** How PostgreSQL treats a live table for each change (risk classification). */
export const postgresRiskRules: RiskRules = freeze({
  product: "PostgreSQL",
  // inet's text output leaves out a host's /32 (/128), the cast to text writes it.
  typeChangeAltersValues: (from: string, to: string) =>
    parseType(from).base === "inet" && TEXTS.has(parseType(to).base)
      ? "a host address becomes text with its prefix length ('127.0.0.1' becomes '127.0.0.1/32')"
      : null,
  typeChangeRewrite: (from: string, to: string, table: string) =>
    inPlaceTypeChange(from, to) ? null : rewrites(table),
  narrowing: ["data-loss", "may-fail-on-existing-rows"] as const,
  notNullWithoutDefault: "fails" as const,
  setNotNull: {
    code: "long-lock" as const,
    how: "checks every row of {table} under an ACCESS EXCLUSIVE lock (reads and writes wait)",
  },
  createIndexLock: {
    how: "writes to {table} wait until the index is built",
    avoid: "concurrently: true builds it without blocking writes, outside the transaction",
  },
  constraintValidation: (kind: ConstraintKind) => ({
    code: "long-lock" as const,
    how:
      kind === "foreign"
        ? "checks every row of {table} while writes to it and to the referenced table wait"
        : kind === "check"
          ? "checks every row of {table} under an ACCESS EXCLUSIVE lock (reads and writes wait)"
          : kind === "exclusion"
            ? "builds its index under an ACCESS EXCLUSIVE lock (reads and writes wait; it cannot be built concurrently)"
            : "builds its index while writes to {table} wait",
  }),
  renameConstraintRewrite: () => null,
  addColumnRewrite: (c: Column, table: string) =>
    c.identity !== null ||
    c.autoIncrement ||
    c.generated?.stored ||
    (c.default !== null && VOLATILE_DEFAULT.test(c.default))
      ? `a value is computed for every row: ${rewrites(table)}`
      : null,
});

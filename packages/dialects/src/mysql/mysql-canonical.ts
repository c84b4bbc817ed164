import type { Column } from "@autogen/core";
import { withCanonicalValues } from "../canonical-column";
import { canonicalMysqlExpression } from "./mysql-expression";
import {
  canonicalExpressionText,
  canonicalNumber,
  canonicalTypeText,
  isNumberText,
  numberWithScale,
} from "../canonical-text";
import type { Canonicalizer } from "../dialect";
import { convertsTextWith, narrowsWith, temporalLossWith } from "../type-widths";
import { mysqlTypeWidths } from "./mysql-type-widths";
import { memoized, memoizedDefault } from "../memoized";
import { applyRules, type Rule } from "../canonical-rules";

/**
 * MySQL / MariaDB type synonyms and implicit sizes → one spelling
 * (https://dev.mysql.com/doc/refman/8.0/en/other-vendor-data-types.html,
 * https://dev.mysql.com/doc/refman/8.0/en/numeric-type-syntax.html). Integer display widths are
 * dropped (MySQL 8.0.19+ no longer reports them, MariaDB still does; they never change what is
 * stored), `tinyint(1)` included: BOOL and BOOLEAN are stored as `tinyint(1)`, TypeORM's
 * `boolean` is written as plain `tinyint` (reported `tinyint(4)`), and all are one type.
 */
const TYPE_RULES: readonly Rule[] = [
  [/^(?:bool|boolean)$/, () => "tinyint"],
  [/^(tinyint|smallint|mediumint|bigint)(?:\(\d+\))?$/, (m) => m[1]],
  [/^(?:int|integer)(?:\(\d+\))?$/, () => "int"],
  [/^(?:decimal|dec|numeric|fixed)(?:\((\d+)(?:,(\d+))?\))?$/, (m) => `decimal(${m[1] ?? 10},${m[2] ?? 0})`],
  [/^(?:double precision|real|double)$/, () => "double"],
  // FLOAT(p) picks single or double precision by p alone (https://dev.mysql.com/doc/refman/8.0/en/floating-point-types.html).
  [/^float\((\d+)\)$/, (m) => (Number(m[1]) <= 24 ? "float" : "double")],
  [/^(?:varchar|nvarchar|national varchar|character varying)(?:\((\d+)\))?$/, (m) => `varchar(${m[1] ?? 255})`],
  [/^(?:char|nchar|national char|character)(?:\((\d+)\))?$/, (m) => `char(${m[1] ?? 1})`],
  [/^binary(?:\((\d+)\))?$/, (m) => `binary(${m[1] ?? 1})`],
  [/^varbinary(?:\((\d+)\))?$/, (m) => `varbinary(${m[1] ?? 255})`],
  [/^(datetime|timestamp|time)(?:\((\d)\))?$/, (m) => (m[2] && m[2] !== "0" ? `${m[1]}(${m[2]})` : m[1])],
  [/^year(?:\(4\))?$/, () => "year"],
  [/^bit(?:\((\d+)\))?$/, (m) => `bit(${m[1] ?? 1})`],
];

/** Numeric attributes that follow the type: kept, in MySQL's order. */
const ATTRIBUTES = /((?: (?:signed|unsigned|zerofill))*)$/;

const INTEGER_TYPE = /^(?:tinyint|smallint|mediumint|int|bigint)\b/;
/** Types whose literal defaults are numbers (YEAR too: MariaDB reports `2024`, TypeORM writes `'2024'`). */
const NUMERIC_TYPE = /^(?:tinyint|smallint|mediumint|int|bigint|decimal|float|double|bit|year)\b/;

/** One spelling for the current-time functions (MariaDB reports `current_timestamp()`, MySQL `CURRENT_TIMESTAMP`). */
const DATETIME_DEFAULTS: readonly Rule[] = [
  [
    /^(?:current_timestamp|now|localtimestamp|localtime)(?:\((\d*)\))?$/,
    (m) => (m[1] && m[1] !== "0" ? `CURRENT_TIMESTAMP(${m[1]})` : "CURRENT_TIMESTAMP"),
  ],
  [/^(?:current_date|curdate\(\))(?:\(\))?$/, () => "CURRENT_DATE"],
  [
    /^(?:current_time|curtime)(?:\((\d*)\))?$/,
    (m) => (m[1] && m[1] !== "0" ? `CURRENT_TIME(${m[1]})` : "CURRENT_TIME"),
  ],
];

/**
 * The current time as a datetime or timestamp column stores it: at the column's fractional
 * precision. MariaDB rewrites `datetime(2) DEFAULT CURRENT_TIMESTAMP` (and `timestamp(3) ...
 * CURRENT_TIMESTAMP(6)`, TypeORM's date columns at another precision) to the column's, and
 * MySQL 8 requires the two to be equal
 * (https://dev.mysql.com/doc/refman/8.0/en/timestamp-initialization.html).
 */
function withColumnPrecision(expr: string, type: string): string {
  const column = /^(?:datetime|timestamp)(?:\((\d)\))?$/.exec(type);
  if (!column || !expr.startsWith("CURRENT_TIMESTAMP")) return expr;
  const fsp = column[1] ?? "0";
  return fsp === "0" ? "CURRENT_TIMESTAMP" : `CURRENT_TIMESTAMP(${fsp})`;
}

function canonicalType(raw: string): string {
  const text = canonicalTypeText(raw).replace(/^(?:signed|unsigned) /, "");
  const attrs = text.match(ATTRIBUTES)?.[1] ?? "";
  const base = text.slice(0, text.length - attrs.length);
  // `signed` is the default; only unsigned and zerofill say something.
  const kept = attrs.replace(/ signed\b/g, "");
  return (applyRules(TYPE_RULES, base) ?? base) + kept;
}

/** A string default as one literal form: quotes doubled, backslashes escaped (MariaDB's report). */
const stringLiteral = (content: string) => `'${content.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

/**
 * A MySQL string literal: a quote inside is doubled or backslash-escaped (MariaDB reports a
 * TEXT or JSON column's default as `'it\\'s'`, a VARCHAR's as `'it''s'`).
 * https://dev.mysql.com/doc/refman/8.0/en/string-literals.html
 */
const MYSQL_STRING = /^'(?:[^'\\]|''|\\[\s\S])*'$/;
/** Backslash escapes that stand for another character; `\\%` and `\\_` keep their backslash, any other `\\x` is `x`. */
const ESCAPED: Readonly<Record<string, string>> = { "0": "\0", b: "\b", n: "\n", r: "\r", t: "\t", Z: "\x1a" };
const mysqlStringContent = (literal: string): string =>
  literal
    .slice(1, -1)
    .replace(/''|\\([\s\S])/g, (m, c: string | undefined) =>
      c === undefined ? "'" : c === "%" || c === "_" ? m : (ESCAPED[c] ?? c),
    );

/**
 * A date/time literal as the column stores it: a date alone on a datetime or timestamp column is
 * at midnight, and the fraction has the column's precision (MariaDB reports `'12:00:00'` on a
 * time(6) column as `'12:00:00.000000'`, `'2020-01-01'` on a datetime as `'2020-01-01 00:00:00'`).
 */
function temporalLiteral(content: string, type: string): string {
  const column = /^(datetime|timestamp|time)(?:\((\d)\))?$/.exec(type);
  if (!column) return content;
  const text = column[1] !== "time" && /^\d{4}-\d{2}-\d{2}$/.test(content) ? `${content} 00:00:00` : content;
  const value = /^(.*:\d{2})(?:\.(\d*))?$/.exec(text);
  const fsp = Number(column[2] ?? 0);
  if (!value || (fsp === 0 && !/^0*$/.test(value[2] ?? ""))) return text;
  return fsp === 0 ? value[1]! : `${value[1]}.${(value[2] ?? "").padEnd(fsp, "0")}`;
}

/** Binary floating-point types, whose defaults are values rather than digit strings. */
const FLOAT_TYPE = /^(?:float|double|real)\b/;

function canonicalDefault(raw: string | null | undefined, type: string): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (MYSQL_STRING.test(trimmed)) return literalDefault(temporalLiteral(mysqlStringContent(trimmed), type), type);
  const text = canonicalExpressionText(trimmed);
  if (text === "null") return null;
  const datetime = applyRules(DATETIME_DEFAULTS, text);
  if (datetime) return withColumnPrecision(datetime, type);
  if (text === "true" || text === "false") return text === "true" ? "1" : "0";
  if (isNumberText(text) || /^[bx]'[01a-f]*'$/.test(text) || /^0x[0-9a-f]+$/.test(text))
    return literalDefault(text, type, false);
  // A bare word without parentheses is MySQL 8's unquoted report of a string literal.
  if (/^[^()\s]+$/.test(trimmed) && !NUMERIC_TYPE.test(type)) return stringLiteral(trimmed);
  return text;
}

/**
 * A literal default: numbers unquoted on numeric types (with the decimal's scale, without the
 * leading zeros MariaDB pads a ZEROFILL column's default with: `00000000000000000042`), strings
 * quoted elsewhere.
 */
function literalDefault(raw: string, type: string, quoted = true): string {
  // `'false'` on a tinyint is what TypeORM writes for `default: "false"`: the server rejects it
  // (Invalid default value); the number it means is 0.
  const bool = /^(?:true|false)$/i.test(raw.trim()) ? (raw.trim().toLowerCase() === "true" ? "1" : "0") : raw;
  const value = NUMERIC_TYPE.test(type) ? bool.trim().replace(/^([+-]?)0+(?=\d)/, "$1") : raw;
  if (NUMERIC_TYPE.test(type) && isNumberText(value.trim())) {
    const scale = type.match(/^decimal\(\d+,(\d+)\)/)?.[1];
    if (scale !== undefined) return numberWithScale(value.trim(), Number(scale));
    if (INTEGER_TYPE.test(type)) return canonicalNumber(value.trim()).replace(/\.0*$/, "");
    // A floating-point value has many spellings (MariaDB stores `1e21` as written, JavaScript
    // writes `1e+21`; `1e-5` and `0.00001`): one, JavaScript's shortest round-trip form.
    if (FLOAT_TYPE.test(type)) return String(Number(value.trim()));
    return canonicalNumber(value.trim());
  }
  return quoted ? stringLiteral(value) : value;
}

/**
 * `utf8` has been an alias of `utf8mb3` since MariaDB 10.6 and MySQL 8.0.30, which report the
 * new name (https://mariadb.com/kb/en/unicode/#utf8mb3): one spelling for both, in charset and
 * collation names alike.
 */
export const mysqlCharsetName = (name: string): string => name.toLowerCase().replace(/^utf8(?=$|_)/, "utf8mb3");

/**
 * A column's charset and collation as one pair: a collation belongs to exactly one charset, the
 * prefix of its name (https://dev.mysql.com/doc/refman/8.0/en/charset-collation-names.html),
 * so a charset named beside its own collation says nothing more and is dropped.
 */
function canonicalCharset(
  charset: string | null,
  collation: string | null,
): { charset: string | null; collation: string | null } {
  const cs = charset === null ? null : mysqlCharsetName(charset);
  const co = collation === null ? null : mysqlCharsetName(collation);
  return {
    charset: cs !== null && co !== null && co.startsWith(`${cs}_`) ? null : cs,
    collation: co,
  };
}

/**
 * MariaDB gives a NOT NULL datetime or timestamp column with ON UPDATE and no default the zero
 * date as its default (`'0000-00-00 00:00:00.000'`), and reports it: that default is what no
 * default means there.
 */
function withoutImplicitZeroDate(dflt: string | null, c: Column): string | null {
  return dflt !== null && c.onUpdate !== null && !c.nullable && /^'0000-00-00 00:00:00(?:\.0*)?'$/.test(dflt)
    ? null
    : dflt;
}

const cachedType = memoized(canonicalType);
const cachedDefault = memoizedDefault(canonicalDefault);
const cachedExpression = memoized(canonicalMysqlExpression);

/**
 * MySQL / MariaDB canonical forms: type synonyms and implicit sizes, one spelling of string,
 * numeric, boolean and current-time defaults whichever server reported them, NULL as no default.
 */
export const mysqlCanonical: Canonicalizer = {
  type: cachedType,
  default: cachedDefault,
  expression: cachedExpression,
  narrows: narrowsWith(mysqlTypeWidths),
  convertsText: convertsTextWith(mysqlTypeWidths),
  temporalLoss: temporalLossWith(mysqlTypeWidths),
  // InnoDB treats RESTRICT as NO ACTION, and MariaDB reports RESTRICT for an unwritten rule.
  referentialAction: (a) => (a === "RESTRICT" || a === "NO ACTION" ? null : a),
  column: (c) => {
    const type = cachedType(c.type);
    // An empty comment is no comment: information_schema reports '' for a column without one.
    const comment = c.comment === "" ? null : c.comment;
    const dflt = c.generated ? null : withoutImplicitZeroDate(cachedDefault(c.default, type), c);
    // MariaDB rejects NULL / NOT NULL on generated columns and reports them nullable (TypeORM
    // omits both for them on MariaDB), so a generated column is nullable in canonical terms.
    const nullable = c.generated ? true : c.nullable;
    const onUpdate = c.onUpdate === null ? null : cachedDefault(c.onUpdate, type);
    const { charset, collation } = canonicalCharset(c.charset, c.collation);
    const generatedExpression = c.generated ? cachedExpression(c.generated.expression) : null;
    return withCanonicalValues(
      c,
      { type, comment, default: dflt, nullable, onUpdate, charset, collation },
      generatedExpression,
    );
  },
};

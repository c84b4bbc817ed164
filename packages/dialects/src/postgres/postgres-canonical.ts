import { withCanonicalValues } from "../canonical-column";
import { canonicalPostgresExpression } from "./postgres-expression";
import {
  canonicalExpressionText,
  canonicalJsonLiteral,
  canonicalNumber,
  canonicalTypeText,
  isNumberText,
  isStringLiteral,
  type JsonPrint,
  mapOutsideQuotes,
  numberWithScale,
  splitQuoted,
  stripOuterParens,
  unquoteString,
} from "../canonical-text";
import type { Canonicalizer } from "../dialect";
import { convertsTextWith, narrowsWith, temporalLossWith } from "../type-widths";
import { postgresTypeWidths } from "./postgres-type-widths";
import { memoized, memoizedDefault } from "../memoized";
import { applyRules, type Rule } from "../canonical-rules";
import { STORED_LITERALS } from "./postgres-stored-literals";

/**
 * PostgreSQL type synonyms → one spelling (https://www.postgresql.org/docs/current/datatype.html,
 * table 8.1 lists the aliases). Precision 6 of the time types is dropped because it is what
 * PostgreSQL uses when none is given; `numeric(p)` is reported as `numeric(p,0)`.
 */
const TYPE_RULES: readonly Rule[] = [
  [/^(?:character varying|varchar)(\(\d+\))?$/, (m) => `varchar${m[1] ?? ""}`],
  [/^(?:character|char)(?:\((\d+)\))?$/, (m) => `char(${m[1] ?? 1})`],
  [/^(?:int|int4|integer)$/, () => "integer"],
  [/^(?:int2|smallint)$/, () => "smallint"],
  [/^(?:int8|bigint)$/, () => "bigint"],
  [/^(?:serial4|serial)$/, () => "serial"],
  [/^(?:serial2|smallserial)$/, () => "smallserial"],
  [/^(?:serial8|bigserial)$/, () => "bigserial"],
  [/^(?:float4|real)$/, () => "real"],
  [/^(?:float8|double precision|float)$/, () => "double precision"],
  [/^float\((\d+)\)$/, (m) => (Number(m[1]) <= 24 ? "real" : "double precision")],
  [/^(?:bool|boolean)$/, () => "boolean"],
  [/^(?:decimal|numeric)(?:\((\d+)(?:,(\d+))?\))?$/, (m) => (m[1] ? `numeric(${m[1]},${m[2] ?? 0})` : "numeric")],
  [/^timestamp(?:\((\d)\))?(?: without time zone)?$/, (m) => `timestamp${precision(m[1])}`],
  [
    /^(?:timestamp(?:\((\d)\))? with time zone|timestamptz(?:\((\d)\))?)$/,
    (m) => `timestamptz${precision(m[1] ?? m[2])}`,
  ],
  [/^time(?:\((\d)\))?(?: without time zone)?$/, (m) => `time${precision(m[1])}`],
  [/^(?:time(?:\((\d)\))? with time zone|timetz(?:\((\d)\))?)$/, (m) => `timetz${precision(m[1] ?? m[2])}`],
  [/^interval(?:\((\d)\))?$/, (m) => `interval${precision(m[1])}`],
  [/^(?:bit varying|varbit)(\(\d+\))?$/, (m) => `varbit${m[1] ?? ""}`],
  [/^bit(?:\((\d+)\))?$/, (m) => `bit(${m[1] ?? 1})`],
];

const precision = (p: string | undefined): string => (p === undefined || p === "6" ? "" : `(${p})`);

const NUMERIC_TYPE =
  /^(?:smallint|integer|bigint|real|double precision|numeric(?:\(\d+,\d+\))?|smallserial|serial|bigserial)$/;
const SERIAL_BASE: Readonly<Record<string, string>> = {
  smallserial: "smallint",
  serial: "integer",
  bigserial: "bigint",
};

/** The spellings of each datetime function/keyword, and the one we keep. */
const DATETIME_DEFAULTS: readonly Rule[] = [
  [/^(?:now\(\)|current_timestamp|transaction_timestamp\(\))$/, () => "CURRENT_TIMESTAMP"],
  [/^current_timestamp\((\d)\)$/, (m) => `CURRENT_TIMESTAMP(${m[1]})`],
  [/^current_date$/, () => "CURRENT_DATE"],
  [/^current_time(\(\d\))?$/, (m) => `CURRENT_TIME${m[1] ?? ""}`],
  [/^localtime(\(\d\))?$/, (m) => `LOCALTIME${m[1] ?? ""}`],
  [/^localtimestamp$/, () => "LOCALTIMESTAMP"],
  // TypeORM's normalizeDatetimeFunction spellings of the same things. A time one must not fall
  // through to the literal rules: `'now'` alone is a constant, evaluated once by CREATE TABLE.
  [/^\(?'now'(?:::text)?\)?::date$/, () => "CURRENT_DATE"],
  [/^\(?'now'(?:::text)?\)?::time(\(\d\))? with time zone$/, (m) => `CURRENT_TIME${m[1] ?? ""}`],
  [/^\(?'now'(?:::text)?\)?::time(\(\d\))?(?: without time zone)?$/, (m) => `LOCALTIME${m[1] ?? ""}`],
  [/^\(?'now'(?:::text)?\)?::timestamp(?:\(\d\))?(?: with(?:out)? time zone)?$/, () => "CURRENT_TIMESTAMP"],
];

/** What PostgreSQL's boolean input accepts (https://www.postgresql.org/docs/current/datatype-boolean.html). */
const BOOLEAN_WORDS: Readonly<Record<string, string>> = {
  true: "true",
  t: "true",
  yes: "true",
  y: "true",
  on: "true",
  "1": "true",
  false: "false",
  f: "false",
  no: "false",
  n: "false",
  off: "false",
  "0": "false",
};

function canonicalType(raw: string): string {
  // A user type (an enum) may be written quoted (`"order_status_enum"`, as TypeORM's CREATE TYPE
  // does); format_type quotes it only where PostgreSQL needs to, the same rule as in expressions.
  const text = canonicalTypeText(raw.includes('"') ? canonicalPostgresExpression(raw) : raw);
  // Array dimensions are not enforced and format_type prints `[]` once per dimension.
  const dims = text.match(/(\[\d*\])+$/)?.[0] ?? "";
  // An underscore prefix is the catalog name of an array type (`_int4` is `integer[]`).
  const udtArray = text.startsWith("_") ? 1 : 0;
  const base = text.slice(udtArray, text.length - dims.length);
  return (applyRules(TYPE_RULES, base) ?? base) + "[]".repeat((dims.match(/\[/g) ?? []).length + udtArray);
}

/**
 * Drops a `::type` cast at the end of the text, when it casts a literal (catalogs add the
 * column's type to every literal default: `'abc'::character varying`, `'-1'::integer`).
 */
function stripLiteralCast(text: string): string {
  let s = stripOuterParens(text);
  for (;;) {
    const at = lastTopLevelCast(s);
    if (at < 0 || !CAST_TARGET.test(s.slice(at + 2))) return s;
    const base = stripOuterParens(s.slice(0, at));
    if (!isStringLiteral(base) && !isNumberText(base) && base !== "null") return s;
    s = base;
  }
}

/** A type name after `::`: words, quoted identifiers, a schema, a typmod, array brackets. */
const CAST_TARGET = /^(?:"(?:[^"]|"")*"|[\w ]+)(?:\.(?:"(?:[^"]|"")*"|[\w ]+))?(?:\(\d+(?:,\d+)?\))?(?:\[\])*$/;

/** Position of the last `::` outside quotes and parentheses, or -1. */
function lastTopLevelCast(s: string): number {
  let depth = 0;
  let pos = 0;
  let found = -1;
  for (const seg of splitQuoted(s)) {
    if (!seg.quoted) {
      for (let k = 0; k < seg.text.length; k++) {
        const ch = seg.text[k];
        if (ch === "(") depth++;
        else if (ch === ")") depth--;
        else if (depth === 0 && ch === ":" && seg.text[k + 1] === ":") found = pos + k;
      }
    }
    pos += seg.text.length;
  }
  return found;
}

function canonicalDefault(raw: string | null | undefined, type: string): string | null {
  if (raw === null || raw === undefined) return null;
  const text = canonicalExpressionText(raw);
  const datetime = applyRules(DATETIME_DEFAULTS, text);
  if (datetime) return datetime;
  const value = stripLiteralCast(text);
  if (/^null$/.test(value)) return null;
  const base = type.replace(/\[\]$/, "");
  if (base === "boolean") {
    const word = isStringLiteral(value) ? unquoteString(value).toLowerCase() : value;
    return BOOLEAN_WORDS[word] ?? value;
  }
  if (NUMERIC_TYPE.test(base)) {
    const n = isStringLiteral(value) ? unquoteString(value).trim() : value;
    const scale = base.match(/^numeric\(\d+,(\d+)\)$/)?.[1];
    if (isNumberText(n)) return scale === undefined ? plainDecimal(n) : numberWithScale(n, Number(scale));
  }
  if (base === "jsonb" && isStringLiteral(value)) return jsonbLiteral(value);
  const stored = STORED_LITERALS[base.replace(/\(.*\)$/, "")]?.(value);
  if (stored) return stored;
  // An expression is compared as the deparser prints it, minus its inner literal casts
  // (`timezone('utc'::text, ...)`) and quotes it adds (`"substring"(...)`).
  if (isStringLiteral(value) || isNumberText(value)) return value;
  const expression = canonicalPostgresExpression(stripLiteralCasts(value));
  // The parser casts each element of a non-empty `ARRAY[...]::t[]` instead of the array, and
  // the catalog keeps only the elements: `ARRAY[1,2]::int[]` is stored as `ARRAY[1, 2]`.
  return expression.replace(/^(array\[[^[\]]+\])::[a-z][\w ]*(?:\(\d+(?:, ?\d+)?\))?\[\]$/, "$1");
}

/**
 * A number default of a column without a fixed scale as its value: `5.0`, `05` and `+5` are all
 * 5 to a float, an integer or an unconstrained numeric column (Alembic's CompareServerDefaultTest asks PostgreSQL;
 * the text is enough). Exponent forms are left as they are.
 */
function plainDecimal(n: string): string {
  const text = canonicalNumber(n);
  if (/e/i.test(text)) return text;
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return text;
  const int = m[2]!.replace(/^0+(?=\d)/, "") || "0";
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const abs = frac ? `${int}.${frac}` : int;
  return abs === "0" ? "0" : `${m[1]}${abs}`;
}

/**
 * A jsonb literal as PostgreSQL stores and prints it: jsonb keeps parsed values, so `'{"b":1,"a":2}'`
 * comes back as `'{"a": 2, "b": 1}'` (https://www.postgresql.org/docs/current/datatype-json.html:
 * keys shorter-first then bytewise, one space after `:` and `,`). Text that is not JSON stays.
 */
const JSONB_PRINT: JsonPrint = {
  compareKeys: (a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)),
  comma: ", ",
  colon: ": ",
};
const jsonbLiteral = (literal: string): string => canonicalJsonLiteral(literal, JSONB_PRINT);

/**
 * Catalog-deparsed expressions cast their literals (`(0)::numeric`, `'a'::text`); the casts of
 * literals go, so that `price > 0` as written and `(price > (0)::numeric)` as reflected agree.
 * Anything deeper (PostgreSQL rewrites `IN (...)` as `= ANY (ARRAY[...])`) is not attempted.
 */
function stripLiteralCasts(raw: string): string {
  // The multi-word type names the deparser prints, then any one-word or quoted name.
  const typeName = String.raw`(?:character varying|double precision|bit varying|time(?:stamp)?(?:\(\d\))? with(?:out)? time zone|"(?:[^"]|"")*"|[a-z_]\w*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?`;
  const literalCast = new RegExp(
    String.raw`('(?:[^']|'')*'|\(-?\d+(?:\.\d+)?\)|\b\d+(?:\.\d+)?)::${typeName}(?=$|[\s,)\]=<>!+*/-])`,
    "g",
  );
  const text = canonicalExpressionText(raw);
  return canonicalCastTypes(
    stripOuterParens(text.replace(literalCast, (_m, lit: string) => (lit.startsWith("(") ? lit.slice(1, -1) : lit))),
  );
}

/** An unquoted type name after `::`, with its typmod and array brackets (the multi-word names first). */
const CAST_TYPE =
  /::((?:character varying|double precision|bit varying|time(?:stamp)?(?:\(\d\))? with(?:out)? time zone|[a-z_]\w*)(?:\(\d+(?:, ?\d+)?\))?(?:\[\d*\])*)/g;

/**
 * The types of the casts left in an expression, spelled canonically: the deparser prints the
 * catalog name of what was written as a synonym (`ARRAY[]::int[]` comes back as `ARRAY[]::integer[]`).
 */
function canonicalCastTypes(text: string): string {
  return text.includes("::")
    ? mapOutsideQuotes(text, (plain) => plain.replace(CAST_TYPE, (_m, t: string) => `::${cachedType(t)}`))
    : text;
}

const cachedType = memoized(canonicalType);
const cachedDefault = memoizedDefault(canonicalDefault);
const cachedExpression = memoized((raw: string) => canonicalPostgresExpression(stripLiteralCasts(raw)));

/**
 * The random-uuid generators a column default may call: uuid-ossp's and the built-in one
 * (pgcrypto's before PostgreSQL 13). TypeORM reads either back as a generated uuid column and
 * writes the one its `uuidExtension` names; autogen writes gen_random_uuid() unless the
 * DataSource asks for uuid-ossp, and accepts either as it finds it.
 */
const RANDOM_UUID_DEFAULTS: ReadonlySet<string> = new Set(["gen_random_uuid()", "uuid_generate_v4()"]);

/**
 * PostgreSQL canonical forms: type synonyms, literal defaults without their catalog casts, one
 * spelling per datetime default, and serial columns as `integer` + autoIncrement (their
 * `nextval('..._seq'::regclass)` default is the serial mechanism, not a user default).
 */
export const postgresCanonical: Canonicalizer = {
  type: cachedType,
  default: cachedDefault,
  expression: cachedExpression,
  sameDefault: (target, reflected) => RANDOM_UUID_DEFAULTS.has(target) && RANDOM_UUID_DEFAULTS.has(reflected),
  narrows: narrowsWith(postgresTypeWidths),
  convertsText: convertsTextWith(postgresTypeWidths),
  temporalLoss: temporalLossWith(postgresTypeWidths),
  column: (c) => {
    let type = cachedType(c.type);
    let autoIncrement = c.autoIncrement;
    if (SERIAL_BASE[type]) {
      type = SERIAL_BASE[type];
      autoIncrement = true;
    }
    let dflt = cachedDefault(c.default, type);
    if (dflt !== null && /^nextval\(/.test(dflt) && /^(?:smallint|integer|bigint)$/.test(type)) {
      dflt = null;
      autoIncrement = true;
    }
    if (c.identity) dflt = null;
    // An empty comment is no comment: COMMENT ... IS '' removes it (https://www.postgresql.org/docs/current/sql-comment.html).
    const comment = c.comment === "" ? null : c.comment;
    const generatedExpression = c.generated ? cachedExpression(c.generated.expression) : null;
    autoIncrement = c.identity ? false : autoIncrement;
    return withCanonicalValues(c, { type, comment, default: dflt, autoIncrement }, generatedExpression);
  },
};

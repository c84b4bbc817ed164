import { Column } from "@autogen/core";
import { canonicalPostgresExpression } from "./postgres-expression";
import {
  canonicalExpressionText,
  canonicalNumber,
  canonicalTypeText,
  isNumberText,
  isStringLiteral,
  mapOutsideQuotes,
  numberWithScale,
  splitQuoted,
  stripOuterParens,
  unquoteString,
} from "../canonical-text";
import type { Canonicalizer } from "../dialect";
import { memoized } from "../memoized";

type Rule = readonly [RegExp, (m: RegExpMatchArray) => string];

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
  [/^(?:timestamp(?:\((\d)\))? with time zone|timestamptz(?:\((\d)\))?)$/, (m) => `timestamptz${precision(m[1] ?? m[2])}`],
  [/^time(?:\((\d)\))?(?: without time zone)?$/, (m) => `time${precision(m[1])}`],
  [/^(?:time(?:\((\d)\))? with time zone|timetz(?:\((\d)\))?)$/, (m) => `timetz${precision(m[1] ?? m[2])}`],
  [/^interval(?:\((\d)\))?$/, (m) => `interval${precision(m[1])}`],
  [/^(?:bit varying|varbit)(\(\d+\))?$/, (m) => `varbit${m[1] ?? ""}`],
  [/^bit(?:\((\d+)\))?$/, (m) => `bit(${m[1] ?? 1})`],
];

const precision = (p: string | undefined): string => (p === undefined || p === "6" ? "" : `(${p})`);

const NUMERIC_TYPE = /^(?:smallint|integer|bigint|real|double precision|numeric(?:\(\d+,\d+\))?|smallserial|serial|bigserial)$/;
const SERIAL_BASE: Readonly<Record<string, string>> = { smallserial: "smallint", serial: "integer", bigserial: "bigint" };

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
  true: "true", t: "true", yes: "true", y: "true", on: "true", "1": "true",
  false: "false", f: "false", no: "false", n: "false", off: "false", "0": "false",
};

function applyRules(rules: readonly Rule[], text: string): string | null {
  for (const [re, fn] of rules) {
    const m = text.match(re);
    if (m) return fn(m);
  }
  return null;
}

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
 * Types whose input PostgreSQL converts when CREATE TABLE coerces the default to the column type,
 * so the catalog keeps the value in the type's output form, not as written: each rule gives that
 * form, or null to keep the text.
 */
const STORED_LITERALS: Readonly<Record<string, (value: string) => string | null>> = {
  // B'101' and X'5' are stored as '101'::"bit" (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-BIT-STRINGS).
  bit: bitString,
  varbit: bitString,
  // bytea's output is the hex format (bytea_output's default), whatever the input format was.
  bytea: (v) => (isStringLiteral(v) ? byteaHex(unquoteString(v)) : null),
  // money prints with lc_monetary's currency symbol and grouping: '$1,234.50' for 1234.5 in the C locale.
  money: moneyValue,
  macaddr: (v) => macaddrText(v, 6),
  macaddr8: (v) => macaddrText(v, 8),
  interval: (v) => (isStringLiteral(v) ? intervalText(unquoteString(v)) : null),
  tsvector: (v) => (isStringLiteral(v) ? tsvectorText(unquoteString(v)) : null),
  date: datetimeLiteral("date"),
  time: datetimeLiteral("time"),
  timetz: datetimeLiteral("timetz"),
  timestamp: datetimeLiteral("timestamp"),
  timestamptz: datetimeLiteral("timestamptz"),
};

interface DatetimeParts {
  readonly date: string | null;
  readonly time: { readonly h: number; readonly m: number; readonly s: number; readonly frac: string } | null;
  /** The UTC offset in minutes, null when none is written. */
  readonly zone: number | null;
}

/**
 * The ISO 8601 forms of a date/time literal (`2020-01-01`, `2020/01/01`, `20200101`, a time
 * `h:mm[:ss[.ffffff]]` after a space or `T`, an offset `Z`/`+hh[:mm]`); null for anything else
 * (month names, `now`, `infinity`, BC), which stays as written.
 */
function datetimeParts(text: string): DatetimeParts | null {
  const m = /^(?:(\d{4})[-/]?(\d{2})[-/]?(\d{2}))?(?:(?:^|[ T])(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text.trim());
  if (!m || (!m[1] && !m[4])) return null;
  const zone = m[8] === undefined ? null : /^z$/i.test(m[8]) ? 0 : zoneMinutes(m[8]);
  return {
    date: m[1] ? `${m[1]}-${m[2]}-${m[3]}` : null,
    time: m[4] ? { h: Number(m[4]), m: Number(m[5]), s: Number(m[6] ?? 0), frac: (m[7] ?? "").replace(/0+$/, "") } : null,
    zone,
  };
}

function zoneMinutes(zone: string): number {
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone.startsWith("-") ? -minutes : minutes;
}

const two = (n: number): string => String(n).padStart(2, "0");
const clock = (t: NonNullable<DatetimeParts["time"]>): string => `${two(t.h)}:${two(t.m)}:${two(t.s)}${t.frac ? `.${t.frac}` : ""}`;
/** An offset as PostgreSQL prints it: `+02`, `-03`, `+05:30`. */
const zoneText = (minutes: number): string => `${minutes < 0 ? "-" : "+"}${two(Math.floor(Math.abs(minutes) / 60))}${Math.abs(minutes) % 60 ? `:${two(Math.abs(minutes) % 60)}` : ""}`;

/**
 * A date/time literal in PostgreSQL's output form (DateStyle ISO): `'2020-01-01'` for a timestamp
 * is stored as `'2020-01-01 00:00:00'`, `'12:00'` as `'12:00:00'`; an offset is dropped by the
 * types without a time zone. A timestamptz with an offset is one instant, printed in the reflecting
 * session's time zone, so it is compared in UTC; one without an offset (and a timetz without one)
 * depends on the TimeZone of the session that ran the DDL, and stays as written.
 */
function datetimeLiteral(type: "date" | "time" | "timetz" | "timestamp" | "timestamptz"): (value: string) => string | null {
  return (value) => {
    const p = isStringLiteral(value) ? datetimeParts(unquoteString(value)) : null;
    if (!p) return null;
    const midnight = { h: 0, m: 0, s: 0, frac: "" };
    switch (type) {
      case "date":
        return p.date ? `'${p.date}'` : null;
      case "time":
        return p.time && !p.date ? `'${clock(p.time)}'` : null;
      case "timetz":
        return p.time && !p.date && p.zone !== null ? `'${clock(p.time)}${zoneText(p.zone)}'` : null;
      case "timestamp":
        return p.date ? `'${p.date} ${clock(p.time ?? midnight)}'` : null;
      case "timestamptz": {
        if (!p.date || p.zone === null) return null;
        const t = p.time ?? midnight;
        const [y, mo, d] = p.date.split("-").map(Number) as [number, number, number];
        const utc = new Date(Date.UTC(y, mo - 1, d, t.h, t.m - p.zone, t.s));
        if (Number.isNaN(utc.getTime()) || utc.getUTCFullYear() < 1) return null;
        const iso = utc.toISOString();
        return `'${iso.slice(0, 10)} ${iso.slice(11, 19)}${t.frac ? `.${t.frac}` : ""}+00'`;
      }
    }
  };
}

const MONTHS_PER: Readonly<Record<string, number>> = { year: 12, decade: 120, century: 1200, millennium: 12000, month: 1 };
const MICROS_PER: Readonly<Record<string, number>> = { hour: 3_600_000_000, minute: 60_000_000, second: 1_000_000, millisecond: 1000, microsecond: 1 };
/** The unit spellings interval input accepts (https://www.postgresql.org/docs/current/datatype-datetime.html#DATATYPE-INTERVAL-INPUT). */
const INTERVAL_UNITS: readonly Rule[] = [
  [/^(?:y|yr|yrs|years?)$/, () => "year"],
  [/^(?:mon|mons|months?)$/, () => "month"],
  [/^(?:w|weeks?)$/, () => "week"],
  [/^(?:d|days?)$/, () => "day"],
  [/^(?:h|hr|hrs|hours?)$/, () => "hour"],
  [/^(?:m|min|mins|minutes?)$/, () => "minute"],
  [/^(?:s|sec|secs|seconds?)$/, () => "second"],
  [/^(?:ms|msecs?|milliseconds?)$/, () => "millisecond"],
  [/^(?:us|usecs?|microseconds?)$/, () => "microsecond"],
  [/^decades?$/, () => "decade"],
  [/^centur(?:y|ies)$/, () => "century"],
  [/^millenni(?:um|a)$/, () => "millennium"],
];

/**
 * An interval literal in PostgreSQL's output form (IntervalStyle `postgres`, the default): `'1 hour'`
 * and `'60 minutes'` are stored as `'01:00:00'`, `'1 week'` as `'7 days'`. Only whole units and an
 * `[-]hh:mm[:ss]` part are read; fractional units, ISO 8601 and `ago` are left as written.
 */
function intervalText(input: string): string | null {
  const tokens = input.trim().toLowerCase().replace(/^@\s*/, "").split(/\s+/);
  let months = 0;
  let days = 0;
  let micros = 0;
  for (let i = 0; i < tokens.length; i++) {
    const clock = /^([+-])?(\d+):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/.exec(tokens[i]!);
    if (clock) {
      const us = ((Number(clock[2]) * 60 + Number(clock[3])) * 60 + Number(clock[4] ?? 0)) * 1e6 + Number((clock[5] ?? "").padEnd(6, "0"));
      micros += clock[1] === "-" ? -us : us;
      continue;
    }
    const m = /^([+-]?\d+)([a-z]*)$/.exec(tokens[i]!);
    // A number with no unit after it is seconds.
    const unitText = m?.[2] || tokens[++i] || "s";
    const unit = applyRules(INTERVAL_UNITS, unitText);
    if (!m || !unit) return null;
    const n = Number(m[1]);
    if (MONTHS_PER[unit]) months += n * MONTHS_PER[unit]!;
    else if (unit === "week" || unit === "day") days += n * (unit === "week" ? 7 : 1);
    else micros += n * MICROS_PER[unit]!;
  }
  if (!Number.isSafeInteger(micros)) return null;
  // EncodeInterval (src/backend/utils/adt/datetime.c): the nonzero fields, "+" on a positive one
  // after a negative one, and the clock part when it is nonzero or nothing else was printed.
  const parts: string[] = [];
  let before = false;
  const fields = [[Math.trunc(months / 12), "year"], [months % 12, "mon"], [days, "day"]] as const;
  for (const [value, unit] of fields) {
    if (value === 0) continue;
    parts.push(`${before && value > 0 ? "+" : ""}${value} ${unit}${value === 1 ? "" : "s"}`);
    before = value < 0;
  }
  if (parts.length === 0 || micros !== 0) {
    const abs = Math.abs(micros);
    const two = (x: number) => String(x).padStart(2, "0");
    const frac = abs % 1e6 ? `.${String(abs % 1e6).padStart(6, "0").replace(/0+$/, "")}` : "";
    const sign = micros < 0 ? "-" : before ? "+" : "";
    parts.push(`${sign}${two(Math.floor(abs / 3.6e9))}:${two(Math.floor(abs / 6e7) % 60)}:${two(Math.floor(abs / 1e6) % 60)}${frac}`);
  }
  return `'${parts.join(" ")}'`;
}

/**
 * A tsvector literal as stored: its lexemes quoted, sorted and without duplicates (`'b a a'` is
 * stored as `'''a'' ''b'''`). Only lexemes without positions, weights or escapes are read.
 */
function tsvectorText(input: string): string | null {
  const lexemes: string[] = [];
  for (const token of input.trim().split(/\s+/).filter(Boolean)) {
    const m = /^(?:'([^'\\:\s]+)'|([^'\\:\s]+))$/.exec(token);
    if (!m) return null;
    lexemes.push(m[1] ?? m[2]!);
  }
  const sorted = [...new Set(lexemes)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `'${sorted.map((l) => `'${l}'`).join(" ").replaceAll("'", "''")}'`;
}

function bitString(value: string): string | null {
  const m = /^([bx])'([0-9a-f]*)'$/i.exec(value);
  if (!m) return null;
  const bits = m[1]!.toLowerCase() === "b" ? m[2]! : [...m[2]!].map((h) => parseInt(h, 16).toString(2).padStart(4, "0")).join("");
  return `'${bits}'`;
}

/** A bytea literal in hex output form, from the hex or the escape input format; null if it is neither. */
function byteaHex(text: string): string | null {
  if (/^\\x(?:\s*[0-9a-fA-F]{2})*\s*$/.test(text)) return `'\\x${text.slice(2).replace(/\s/g, "").toLowerCase()}'`;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] !== "\\") {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      bytes.push(...Buffer.from(ch));
      i += ch.length;
    } else if (text[i + 1] === "\\") {
      bytes.push(0x5c);
      i += 2;
    } else if (/^[0-3][0-7]{2}$/.test(text.slice(i + 1, i + 4))) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 4;
    } else return null;
  }
  return `'\\x${Buffer.from(bytes).toString("hex")}'`;
}

/** A money default as its amount with two decimals: `12.34`, `'12.34'` and `'$12.34'` are the same. */
function moneyValue(value: string): string | null {
  const text = isStringLiteral(value) ? unquoteString(value).trim() : value;
  const m = /^(-)?\$?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?$/.exec(text);
  if (!m || (m[2] === "" && !m[3])) return null;
  return numberWithScale(`${m[1] ?? ""}${m[2]!.replaceAll(",", "") || "0"}${m[3] ?? ""}`, 2);
}

/** A MAC address in the output form `08:00:2b:01:02:03`, from any of the separators PostgreSQL accepts. */
function macaddrText(value: string, bytes: 6 | 8): string | null {
  if (!isStringLiteral(value)) return null;
  let hex = unquoteString(value).replace(/[:.-]/g, "").toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) return null;
  // macaddr8 stores a 6-byte address as EUI-64, with FF:FE in the middle.
  if (bytes === 8 && hex.length === 12) hex = `${hex.slice(0, 6)}fffe${hex.slice(6)}`;
  if (hex.length !== bytes * 2) return null;
  return `'${hex.match(/../g)!.join(":")}'`;
}

/**
 * A number default of a column without a fixed scale as its value: `5.0`, `05` and `+5` are all
 * 5 to a float, an integer or an unconstrained numeric column (Alembic's §7.2 46 asks PostgreSQL;
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
function jsonbLiteral(literal: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(unquoteString(literal));
  } catch {
    return literal;
  }
  return `'${jsonbText(parsed).replaceAll("'", "''")}'`;
}

function jsonbText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(jsonbText).join(", ")}]`;
  if (v !== null && typeof v === "object") {
    const byLengthThenBytes = (a: string, b: string) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort(byLengthThenBytes).map((k) => `${JSON.stringify(k)}: ${jsonbText(o[k])}`).join(", ")}}`;
  }
  return JSON.stringify(v);
}

/**
 * Catalog-deparsed expressions cast their literals (`(0)::numeric`, `'a'::text`); the casts of
 * literals go, so that `price > 0` as written and `(price > (0)::numeric)` as reflected agree.
 * Anything deeper (PostgreSQL rewrites `IN (...)` as `= ANY (ARRAY[...])`) is not attempted.
 */
function stripLiteralCasts(raw: string): string {
  // The multi-word type names the deparser prints, then any one-word or quoted name.
  const typeName = String.raw`(?:character varying|double precision|bit varying|time(?:stamp)?(?:\(\d\))? with(?:out)? time zone|"(?:[^"]|"")*"|[a-z_]\w*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?`;
  const literalCast = new RegExp(String.raw`('(?:[^']|'')*'|\(-?\d+(?:\.\d+)?\)|\b\d+(?:\.\d+)?)::${typeName}(?=$|[\s,)\]=<>!+*/-])`, "g");
  const text = canonicalExpressionText(raw);
  return canonicalCastTypes(stripOuterParens(text.replace(literalCast, (_m, lit: string) => (lit.startsWith("(") ? lit.slice(1, -1) : lit))));
}

/** An unquoted type name after `::`, with its typmod and array brackets (the multi-word names first). */
const CAST_TYPE = /::((?:character varying|double precision|bit varying|time(?:stamp)?(?:\(\d\))? with(?:out)? time zone|[a-z_]\w*)(?:\(\d+(?:, ?\d+)?\))?(?:\[\d*\])*)/g;

/**
 * The types of the casts left in an expression, spelled canonically: the deparser prints the
 * catalog name of what was written as a synonym (`ARRAY[]::int[]` comes back as `ARRAY[]::integer[]`).
 */
function canonicalCastTypes(text: string): string {
  return text.includes("::") ? mapOutsideQuotes(text, (plain) => plain.replace(CAST_TYPE, (_m, t: string) => `::${cachedType(t)}`)) : text;
}

const cachedType = memoized(canonicalType, (raw) => raw);
const cachedDefault = memoized(canonicalDefault, (raw, type) => (raw === null || raw === undefined ? "\u0001" : `${type}\u0000${raw}`));
const cachedExpression = memoized((raw: string) => canonicalPostgresExpression(stripLiteralCasts(raw)), (raw) => raw);

/**
 * PostgreSQL canonical forms: type synonyms, literal defaults without their catalog casts, one
 * spelling per datetime default, and serial columns as `integer` + autoIncrement (their
 * `nextval('..._seq'::regclass)` default is the serial mechanism, not a user default).
 */
export const postgresCanonical: Canonicalizer = {
  type: cachedType,
  default: cachedDefault,
  expression: cachedExpression,
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
    // Most columns are canonical already: the node is kept rather than copied (schemas of
    // thousands of columns go through here on both sides).
    const unchanged =
      type === c.type && dflt === c.default && comment === c.comment && autoIncrement === c.autoIncrement && generatedExpression === (c.generated?.expression ?? null);
    if (unchanged) return c;
    return Column.cloneWith(c, {
      type,
      comment,
      default: dflt,
      autoIncrement,
      generated: c.generated ? { ...c.generated, expression: generatedExpression as string } : null,
    });
  },
};

/*
 * Literal defaults PostgreSQL stores in another form than the one written (bit strings, bytea,
 * money, MAC addresses, intervals, tsvectors, dates and times): the canonical form of each is the
 * catalog's, so that the model's text and the reflected one compare equal.
 */
import { isStringLiteral, numberWithScale, unquoteString } from "../canonical-text";
import { applyRules, type Rule } from "../canonical-rules";

/**
 * Types whose input PostgreSQL converts when CREATE TABLE coerces the default to the column type,
 * so the catalog keeps the value in the type's output form, not as written: each rule gives that
 * form, or null to keep the text.
 */
export const STORED_LITERALS: Readonly<Record<string, (value: string) => string | null>> = {
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
  const m =
    /^(?:(\d{4})[-/]?(\d{2})[-/]?(\d{2}))?(?:(?:^|[ T])(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      text.trim(),
    );
  if (!m || (!m[1] && !m[4])) return null;
  const zone = m[8] === undefined ? null : /^z$/i.test(m[8]) ? 0 : zoneMinutes(m[8]);
  return {
    date: m[1] ? `${m[1]}-${m[2]}-${m[3]}` : null,
    time: m[4]
      ? { h: Number(m[4]), m: Number(m[5]), s: Number(m[6] ?? 0), frac: (m[7] ?? "").replace(/0+$/, "") }
      : null,
    zone,
  };
}

function zoneMinutes(zone: string): number {
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone.startsWith("-") ? -minutes : minutes;
}

const two = (n: number): string => String(n).padStart(2, "0");
const clock = (t: NonNullable<DatetimeParts["time"]>): string =>
  `${two(t.h)}:${two(t.m)}:${two(t.s)}${t.frac ? `.${t.frac}` : ""}`;
/** An offset as PostgreSQL prints it: `+02`, `-03`, `+05:30`. */
const zoneText = (minutes: number): string =>
  `${minutes < 0 ? "-" : "+"}${two(Math.floor(Math.abs(minutes) / 60))}${Math.abs(minutes) % 60 ? `:${two(Math.abs(minutes) % 60)}` : ""}`;

/**
 * A date/time literal in PostgreSQL's output form (DateStyle ISO): `'2020-01-01'` for a timestamp
 * is stored as `'2020-01-01 00:00:00'`, `'12:00'` as `'12:00:00'`; an offset is dropped by the
 * types without a time zone. A timestamptz with an offset is one instant, printed in the reflecting
 * session's time zone, so it is compared in UTC; one without an offset (and a timetz without one)
 * depends on the TimeZone of the session that ran the DDL, and stays as written.
 */
function datetimeLiteral(
  type: "date" | "time" | "timetz" | "timestamp" | "timestamptz",
): (value: string) => string | null {
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

const MONTHS_PER: Readonly<Record<string, number>> = {
  year: 12,
  decade: 120,
  century: 1200,
  millennium: 12000,
  month: 1,
};
const MICROS_PER: Readonly<Record<string, number>> = {
  hour: 3_600_000_000,
  minute: 60_000_000,
  second: 1_000_000,
  millisecond: 1000,
  microsecond: 1,
};
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
      const us =
        ((Number(clock[2]) * 60 + Number(clock[3])) * 60 + Number(clock[4] ?? 0)) * 1e6 +
        Number((clock[5] ?? "").padEnd(6, "0"));
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
  const fields = [
    [Math.trunc(months / 12), "year"],
    [months % 12, "mon"],
    [days, "day"],
  ] as const;
  for (const [value, unit] of fields) {
    if (value === 0) continue;
    parts.push(`${before && value > 0 ? "+" : ""}${value} ${unit}${value === 1 ? "" : "s"}`);
    before = value < 0;
  }
  if (parts.length === 0 || micros !== 0) {
    const abs = Math.abs(micros);
    const two = (x: number) => String(x).padStart(2, "0");
    const frac =
      abs % 1e6
        ? `.${String(abs % 1e6)
            .padStart(6, "0")
            .replace(/0+$/, "")}`
        : "";
    const sign = micros < 0 ? "-" : before ? "+" : "";
    parts.push(
      `${sign}${two(Math.floor(abs / 3.6e9))}:${two(Math.floor(abs / 6e7) % 60)}:${two(Math.floor(abs / 1e6) % 60)}${frac}`,
    );
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
  return `'${sorted
    .map((l) => `'${l}'`)
    .join(" ")
    .replaceAll("'", "''")}'`;
}

function bitString(value: string): string | null {
  const m = /^([bx])'([0-9a-f]*)'$/i.exec(value);
  if (!m) return null;
  const bits =
    m[1]!.toLowerCase() === "b" ? m[2]! : [...m[2]!].map((h) => parseInt(h, 16).toString(2).padStart(4, "0")).join("");
  return `'${bits}'`;
}

/** A bytea literal in hex output form, from the hex or the escape input format; null if it is neither. */
function byteaHex(text: string): string | null {
  if (/^\\x(?:\s*[0-9a-fA-F]{2})*\s*$/.test(text)) return `'\\x${text.slice(2).replace(/\s/g, "").toLowerCase()}'`;
  const bytes: number[] = [];
  for (let i = 0; i < text.length;) {
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

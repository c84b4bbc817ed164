/**
 * Text mechanics shared by the dialects' canonicalizers: everything here leaves quoted
 * strings and quoted identifiers exactly as they are, because their case and spacing matter.
 */

/** A piece of SQL text: either quoted (a string or quoted identifier, quotes included) or plain. */
interface Segment {
  readonly quoted: boolean;
  readonly text: string;
}

/** Splits SQL text at quotes (`'`, `"`, `` ` ``); a doubled quote inside stays in its segment. */
export function splitQuoted(sql: string): Segment[] {
  // Slices between the quotes found, not a string built a character at a time.
  const out: Segment[] = [];
  let plainStart = 0;
  for (let i = nextQuote(sql, 0); i !== -1; i = nextQuote(sql, plainStart)) {
    if (i > plainStart) out.push({ quoted: false, text: sql.slice(plainStart, i) });
    const end = quotedEnd(sql, i);
    out.push({ quoted: true, text: sql.slice(i, end) });
    plainStart = end;
  }
  if (plainStart < sql.length) out.push({ quoted: false, text: sql.slice(plainStart) });
  return out;
}

/** Index of the first quote character at or after `from`, or -1. */
function nextQuote(sql: string, from: number): number {
  for (let i = from; i < sql.length; i++) {
    const c = sql.charCodeAt(i);
    if (c === 39 /* ' */ || c === 34 /* " */ || c === 96 /* ` */) return i;
  }
  return -1;
}

/** Index just past the quoted text opening at `open` (a doubled quote does not close it); the text's end if unclosed. */
function quotedEnd(sql: string, open: number): number {
  const q = sql.charCodeAt(open);
  for (let j = open + 1; j < sql.length; j++) {
    if (sql.charCodeAt(j) !== q) continue;
    if (sql.charCodeAt(j + 1) === q) j++;
    else return j + 1;
  }
  return sql.length;
}

/** Applies `fn` to the unquoted parts only. */
export function mapOutsideQuotes(sql: string, fn: (plain: string) => string): string {
  if (sql === "") return "";
  if (nextQuote(sql, 0) === -1) return fn(sql);
  return splitQuoted(sql)
    .map((s) => (s.quoted ? s.text : fn(s.text)))
    .join("");
}

/**
 * Lowercase outside quotes, single spaces, none just inside parentheses or before a comma, one
 * after a comma: `NOW( )` → `now()`, `a  >  0` → `a > 0`, `f(a ,b)` → `f(a, b)`.
 */
export function canonicalExpressionText(raw: string): string {
  const spaced = mapOutsideQuotes(raw.trim(), (p) =>
    p
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/\(\s+/g, "(")
      .replace(/\s+\)/g, ")")
      .replace(/\s*,\s*/g, ", "),
  );
  return stripOuterParens(spaced);
}

/** Type text: like an expression, but with no space after commas (`numeric(10,2)`, `enum('a','b')`). */
export function canonicalTypeText(raw: string): string {
  return mapOutsideQuotes(canonicalExpressionText(raw), (p) => p.replace(/\s*,\s*/g, ",").replace(/\s+\(/g, "("));
}

/** `((x))` → `x`, but `(a) + (b)` stays: only parentheses that enclose the whole text go. */
export function stripOuterParens(sql: string): string {
  let s = sql.trim();
  while (s.startsWith("(") && closingParen(s, 0) === s.length - 1) s = s.slice(1, -1).trim();
  return s;
}

/** Index of the parenthesis closing the one at `open`, skipping quoted text; -1 if unbalanced. */
function closingParen(sql: string, open: number): number {
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql.charCodeAt(i);
    if (c === 39 /* ' */ || c === 34 /* " */ || c === 96 /* ` */) {
      i = quotedEnd(sql, i) - 1;
      continue;
    }
    if (i < open) continue;
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && --depth === 0) return i;
  }
  return -1;
}

/** True for a single-quoted string literal (`'it''s'`). */
export const isStringLiteral = (s: string): boolean => /^'(?:[^']|'')*'$/s.test(s);

/** The content of a single-quoted literal, quotes removed and doubled quotes undone. */
export const unquoteString = (s: string): string => s.slice(1, -1).replaceAll("''", "'");

/** A plain decimal number, optionally signed. */
export const isNumberText = (s: string): boolean => /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(s);

/** `+1` → `1`, `-0` stays: only the redundant plus sign goes. */
export const canonicalNumber = (s: string): string => s.replace(/^\+/, "");

/**
 * A decimal with exactly `scale` digits after the point (`1` → `1.00` for scale 2), the value a
 * fixed-point column stores: TypeORM writes `toFixed(scale)`, people write `1` or `1.5`. Extra
 * digits are rounded half away from zero, as PostgreSQL's numeric and MySQL's DECIMAL store them
 * (`-0.5` at scale 0 is `-1`, not `-0`); a zero has no sign, since `-0` is stored as `0`.
 */
export function numberWithScale(n: string, scale: number): string {
  if (/e/i.test(n)) return canonicalNumber(n);
  const text = canonicalNumber(n);
  const negative = text.startsWith("-");
  const [int, frac = ""] = text.replace(/^-/, "").split(".");
  let digits = (int || "0") + frac.padEnd(scale, "0").slice(0, scale);
  if ((frac[scale] ?? "0") >= "5") digits = (BigInt(digits) + 1n).toString().padStart(digits.length, "0");
  const whole = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, "") || "0";
  const abs = scale === 0 ? whole : `${whole}.${digits.slice(digits.length - scale)}`;
  return negative && /[1-9]/.test(abs) ? `-${abs}` : abs;
}

/** How a dialect prints a JSON value in canonical form: key order and spacing. */
export interface JsonPrint {
  compareKeys(a: string, b: string): number;
  comma: string;
  colon: string;
}

/**
 * A quoted JSON literal printed one way (`print`), so that spacing and key order written by
 * different tools compare equal. Text that is not JSON is returned as it is.
 */
export function canonicalJsonLiteral(literal: string, print: JsonPrint): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(unquoteString(literal));
  } catch {
    return literal;
  }
  return `'${jsonText(parsed, print).replaceAll("'", "''")}'`;
}

function jsonText(v: unknown, print: JsonPrint): string {
  if (Array.isArray(v)) return `[${v.map((x) => jsonText(x, print)).join(print.comma)}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort(print.compareKeys)
      .map((k) => `${JSON.stringify(k)}${print.colon}${jsonText(o[k], print)}`)
      .join(print.comma)}}`;
  }
  return JSON.stringify(v);
}

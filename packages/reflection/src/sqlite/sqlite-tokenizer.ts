/**
 * A token of SQLite DDL text. `start`/`end` index the source, so that expressions (CHECK,
 * generated columns, index WHERE) are sliced from the original text rather than re-printed.
 */
export interface SqliteToken {
  readonly kind: "word" | "identifier" | "string" | "number" | "punct";
  /** The source text of the token. */
  readonly text: string;
  /** Words and quoted identifiers: the name, unquoted; strings: the unescaped value; else the text. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Splits SQLite DDL into tokens, skipping whitespace and comments. Identifiers may be quoted
 * as `"x"`, `` `x` `` or `[x]` (https://sqlite.org/lang_keywords.html); a doubled quote inside
 * is an escaped quote. Operators come out as one `punct` token per character, which is enough
 * because expressions are never interpreted, only delimited.
 */
export function tokenizeSqlite(sql: string): SqliteToken[] {
  // A scan by character code with sticky regexes, not per-character regexes on slices: every
  // CREATE TABLE and CREATE INDEX of a reflected database comes through here.
  const tokens: SqliteToken[] = [];
  const n = sql.length;
  let i = 0;
  while (i < n) {
    const code = sql.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITESPACE.test(sql[i]!))) {
      i++;
    } else if (code === 45 /* - */ && sql.charCodeAt(i + 1) === 45) {
      const eol = sql.indexOf("\n", i);
      i = eol === -1 ? n : eol + 1;
    } else if (code === 47 /* / */ && sql.charCodeAt(i + 1) === 42 /* * */) {
      const close = sql.indexOf("*/", i + 2);
      i = close === -1 ? n : close + 2;
    } else if (code === 39 /* ' */ || code === 34 /* " */ || code === 96 /* ` */) {
      const q = sql[i]!;
      const end = closingQuote(sql, i, q);
      const inner = sql.slice(i + 1, end - 1);
      const value = inner.includes(q + q) ? inner.replaceAll(q + q, q) : inner;
      tokens.push({ kind: code === 39 ? "string" : "identifier", text: sql.slice(i, end), value, start: i, end });
      i = end;
    } else if (code === 91 /* [ */) {
      const close = sql.indexOf("]", i + 1);
      const end = close === -1 ? n : close + 1;
      tokens.push({ kind: "identifier", text: sql.slice(i, end), value: sql.slice(i + 1, end - 1), start: i, end });
      i = end;
    } else if (isDigit(code) || (code === 46 /* . */ && isDigit(sql.charCodeAt(i + 1)))) {
      NUMBER.lastIndex = i;
      const text = NUMBER.exec(sql)![0];
      tokens.push({ kind: "number", text, value: text, start: i, end: i + text.length });
      i += text.length;
    } else if (isAsciiWordStart(code) || (code > 127 && WORD_START.test(sql[i]!))) {
      const end = wordEnd(sql, i);
      const text = sql.slice(i, end);
      tokens.push({ kind: "word", text, value: text, start: i, end });
      i = end;
    } else {
      const c = sql[i]!;
      tokens.push({ kind: "punct", text: c, value: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

const WHITESPACE = /\s/;
const WORD_START = /[\p{L}_$]/u;
const WORD = /[\p{L}\p{N}_$]+/uy;
const NUMBER = /0x[0-9a-f]+|[0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?/iy;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** `a-z`, `A-Z`, `_`, `$`. */
const isAsciiWordStart = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36;

/** Index just past the word starting at `i`: ASCII by character code, the rest by the Unicode classes. */
function wordEnd(sql: string, i: number): number {
  let j = i;
  while (j < sql.length) {
    const code = sql.charCodeAt(j);
    if (isAsciiWordStart(code) || isDigit(code)) j++;
    else if (code > 127) {
      WORD.lastIndex = i;
      return i + WORD.exec(sql)![0].length;
    } else break;
  }
  return j;
}

/** Index just past the quote closing the one at `i` (a doubled quote does not close). */
function closingQuote(sql: string, i: number, q: string): number {
  for (let j = sql.indexOf(q, i + 1); j !== -1; j = sql.indexOf(q, j + 2)) {
    if (sql[j + 1] !== q) return j + 1;
  }
  return sql.length;
}

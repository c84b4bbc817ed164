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
  // One dispatch on the character code per token; runs of spaces, words and numbers are
  // measured by sticky regexes (native code even while this function is still interpreted, as
  // it is for most of a check). Every CREATE TABLE and CREATE INDEX of a reflected database
  // comes through here.
  const tokens: SqliteToken[] = [];
  const n = sql.length;
  let i = 0;
  while (i < n) {
    const code = sql.charCodeAt(i);
    if (code <= 32 || code > 127) {
      SPACES.lastIndex = i;
      if (SPACES.test(sql)) {
        i = SPACES.lastIndex;
        continue;
      }
    }
    if (code === 45 /* - */ && sql.charCodeAt(i + 1) === 45) {
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
    } else if ((code >= 48 && code <= 57) || (code === 46 /* . */ && NUMBER_AFTER_DOT.test(sql[i + 1] ?? ""))) {
      i = tokenAt(tokens, sql, i, NUMBER, "number");
    } else if (
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      code === 95 /* _ */ ||
      code === 36 /* $ */ ||
      (code > 127 && WORD_START.test(sql[i]!))
    ) {
      i = tokenAt(tokens, sql, i, WORD, "word");
    } else {
      const c = sql[i]!;
      tokens.push({ kind: "punct", text: c, value: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

const SPACES = /\s+/y;
const NUMBER_AFTER_DOT = /^[0-9]$/;
const WORD_START = /[\p{L}_$]/u;
const WORD = /[\p{L}\p{N}_$]+/uy;
const NUMBER = /0x[0-9a-f]+|[0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?/iy;

/** Pushes the word or number `pattern` (sticky) matches at `i`, which the caller knows it does; returns its end. */
function tokenAt(tokens: SqliteToken[], sql: string, i: number, pattern: RegExp, kind: "word" | "number"): number {
  pattern.lastIndex = i;
  pattern.test(sql);
  const end = pattern.lastIndex;
  const text = sql.slice(i, end);
  tokens.push({ kind, text, value: text, start: i, end });
  return end;
}

/** Index just past the quote closing the one at `i` (a doubled quote does not close). */
function closingQuote(sql: string, i: number, q: string): number {
  for (let j = sql.indexOf(q, i + 1); j !== -1; j = sql.indexOf(q, j + 2)) {
    if (sql[j + 1] !== q) return j + 1;
  }
  return sql.length;
}

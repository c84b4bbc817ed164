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
  const tokens: SqliteToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      const eol = sql.indexOf("\n", i);
      i = eol === -1 ? sql.length : eol + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close === -1 ? sql.length : close + 2;
    } else if (c === "'" || c === '"' || c === "`") {
      const end = closingQuote(sql, i, c);
      const value = sql.slice(i + 1, end - 1).replaceAll(c + c, c);
      tokens.push({ kind: c === "'" ? "string" : "identifier", text: sql.slice(i, end), value, start: i, end });
      i = end;
    } else if (c === "[") {
      const close = sql.indexOf("]", i + 1);
      const end = close === -1 ? sql.length : close + 1;
      tokens.push({ kind: "identifier", text: sql.slice(i, end), value: sql.slice(i + 1, end - 1), start: i, end });
      i = end;
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(sql[i + 1] ?? ""))) {
      const m = /^(0x[0-9a-f]+|[0-9]*\.?[0-9]+(e[+-]?[0-9]+)?)/i.exec(sql.slice(i))!;
      tokens.push({ kind: "number", text: m[0], value: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
    } else if (/[\p{L}_$]/u.test(c)) {
      const m = /^[\p{L}\p{N}_$]+/u.exec(sql.slice(i))!;
      tokens.push({ kind: "word", text: m[0], value: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
    } else {
      tokens.push({ kind: "punct", text: c, value: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** Index just past the quote closing the one at `i` (a doubled quote does not close). */
function closingQuote(sql: string, i: number, q: string): number {
  let j = i + 1;
  while (j < sql.length) {
    if (sql[j] === q && sql[j + 1] === q) j += 2;
    else if (sql[j] === q) return j + 1;
    else j++;
  }
  return sql.length;
}

/**
 * How a dialect quotes text, so that a `?` inside a literal, a quoted identifier or a comment is
 * never taken for a placeholder. Only the lexical rules differ between dialects; the scanner is one.
 */
export interface QuotingRules {
  /** Quote characters that open a string or identifier closed by the same character (doubled = escaped). */
  readonly quotes: readonly string[];
  /** Backslash escapes inside `'...'`: always (MySQL's default mode), only in `E'...'` (PostgreSQL), or never (SQLite). */
  readonly backslashEscapes: "always" | "e-prefix" | "never";
  /** PostgreSQL `$tag$ ... $tag$` bodies. */
  readonly dollarQuotes: boolean;
  /** MySQL `# ...` comments. */
  readonly hashComments: boolean;
}

/** https://www.postgresql.org/docs/15/sql-syntax-lexical.html */
export const POSTGRES_QUOTING: QuotingRules = {
  quotes: ["'", '"'],
  backslashEscapes: "e-prefix",
  dollarQuotes: true,
  hashComments: false,
};

/** https://mariadb.com/kb/en/string-literals/ and https://mariadb.com/kb/en/comment-syntax/ */
export const MYSQL_QUOTING: QuotingRules = {
  quotes: ["'", '"', "`"],
  backslashEscapes: "always",
  dollarQuotes: false,
  hashComments: true,
};

/**
 * https://sqlite.org/lang_keywords.html (quoting) and https://sqlite.org/lang_comment.html.
 * SQLite binds `?` itself; the rules are only used to check the parameter count, which SQLite
 * would otherwise pad with NULLs.
 */
export const SQLITE_QUOTING: QuotingRules = {
  quotes: ["'", '"', "`"],
  backslashEscapes: "never",
  dollarQuotes: false,
  hashComments: false,
};

/**
 * Replaces each `?` placeholder outside literals, quoted identifiers and comments with
 * `replace(index)` (0-based), and reports how many there were.
 */
export function replacePlaceholders(
  sql: string,
  rules: QuotingRules,
  replace: (index: number) => string,
): { sql: string; count: number } {
  let out = "";
  let count = 0;
  let i = 0;
  while (i < sql.length) {
    const end = skipQuoted(sql, i, rules);
    if (end > i) {
      out += sql.slice(i, end);
      i = end;
    } else if (sql[i] === "?") {
      out += replace(count++);
      i++;
    } else {
      out += sql[i++];
    }
  }
  return { sql: out, count };
}

/** If a literal, identifier, dollar-quoted body or comment starts at `i`, the index after it; else `i`. */
function skipQuoted(sql: string, i: number, rules: QuotingRules): number {
  const c = sql[i]!;
  const next = sql[i + 1];
  if (rules.quotes.includes(c)) {
    const backslashes =
      c === "'" &&
      (rules.backslashEscapes === "always" ||
        (rules.backslashEscapes === "e-prefix" && /[eE]/.test(sql[i - 1] ?? "") && !/[\w$]/.test(sql[i - 2] ?? "")));
    return skipDelimited(sql, i, c, backslashes);
  }
  if (c === "-" && next === "-") return skipToEndOfLine(sql, i);
  if (c === "#" && rules.hashComments) return skipToEndOfLine(sql, i);
  if (c === "/" && next === "*") return skipBlockComment(sql, i);
  if (c === "$" && rules.dollarQuotes) return skipDollarQuoted(sql, i);
  return i;
}

/** Skips `q...q`, where a doubled `q` (and `\x` when backslashes escape) stays inside. */
function skipDelimited(sql: string, i: number, q: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    if (backslashEscapes && sql[j] === "\\") j += 2;
    else if (sql[j] === q && sql[j + 1] === q) j += 2;
    else if (sql[j] === q) return j + 1;
    else j++;
  }
  return sql.length;
}

function skipToEndOfLine(sql: string, i: number): number {
  const eol = sql.indexOf("\n", i);
  return eol === -1 ? sql.length : eol;
}

/** Block comments nest in PostgreSQL; counting depth is harmless for MySQL, where they never do in practice. */
function skipBlockComment(sql: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql[j] === "/" && sql[j + 1] === "*") {
      depth++;
      j += 2;
    } else if (sql[j] === "*" && sql[j + 1] === "/") {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  return sql.length;
}

function skipDollarQuoted(sql: string, i: number): number {
  // `a$b$` is an identifier, not the start of a dollar quote.
  if (i > 0 && /[\w$]/.test(sql[i - 1]!)) return i;
  const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
  if (!tag) return i;
  const close = sql.indexOf(tag[0], i + tag[0].length);
  return close === -1 ? sql.length : close + tag[0].length;
}

/**
 * Binds `params` to the `?` placeholders of `sql`, rendering each with `render(index)`
 * (`$1` for PostgreSQL, an escaped literal for MySQL).
 *
 * @throws Error when the counts differ; the caller wraps it with the statement.
 */
export function bindPlaceholders(
  sql: string,
  params: readonly unknown[],
  rules: QuotingRules,
  render: (index: number) => string,
): string {
  const bound = replacePlaceholders(sql, rules, (i) => (i < params.length ? render(i) : "?"));
  if (bound.count !== params.length) {
    throw new Error(`The statement has ${bound.count} ? placeholders but ${params.length} parameters were given`);
  }
  return bound.sql;
}

/**
 * A tiny reader for the literal values of a revision file's header exports: a string literal, an
 * array of string literals, or `null`. Reading them without executing the file keeps `heads` and
 * `history` fast on thousands of revisions.
 */
export type HeaderLiteral = string | string[] | null;

/** The value read and the offset just after it, or an error text saying what was found instead. */
export type HeaderLiteralResult = { ok: true; value: HeaderLiteral; end: number } | { ok: false; reason: string };

/** Reads the literal that starts at `pos` (after `=`), skipping whitespace and comments. */
export function readHeaderLiteral(text: string, pos: number): HeaderLiteralResult {
  let i = skipTrivia(text, pos);
  const ch = text[i];
  if (ch === '"' || ch === "'" || ch === "`") {
    const s = readString(text, i);
    if (!s.ok) return s;
    return { ok: true, value: s.value, end: s.end };
  }
  if (ch === "[") {
    const items: string[] = [];
    i = skipTrivia(text, i + 1);
    while (text[i] !== "]") {
      const q = text[i];
      if (q !== '"' && q !== "'" && q !== "`")
        return { ok: false, reason: `expected a string literal, found ${snippet(text, i)}` };
      const s = readString(text, i);
      if (!s.ok) return s;
      items.push(s.value);
      i = skipTrivia(text, s.end);
      if (text[i] === ",") i = skipTrivia(text, i + 1);
      else if (text[i] !== "]") return { ok: false, reason: `expected ',' or ']', found ${snippet(text, i)}` };
    }
    return { ok: true, value: items, end: i + 1 };
  }
  for (const word of ["null", "undefined"]) {
    if (text.startsWith(word, i) && !/[\w$]/.test(text[i + word.length] ?? ""))
      return { ok: true, value: null, end: i + word.length };
  }
  return {
    ok: false,
    reason: `expected a string literal, an array of string literals or null, found ${snippet(text, i)}`,
  };
}

function readString(
  text: string,
  start: number,
): { ok: true; value: string; end: number } | { ok: false; reason: string } {
  const quote = text[start]!;
  // Fast path: no escapes, no line break, no template substitution before the closing quote.
  const close = text.indexOf(quote, start + 1);
  if (close > 0) {
    const raw = text.slice(start + 1, close);
    if (!raw.includes("\\") && !raw.includes("\n") && !(quote === "`" && raw.includes("${")))
      return { ok: true, value: raw, end: close + 1 };
  }
  let out = "";
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) return { ok: true, value: out, end: i + 1 };
    if (c === "\\") {
      const n = text[++i];
      if (n === undefined) break;
      const code =
        n === "u"
          ? /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(text.slice(i + 1))
          : n === "x"
            ? /^()([0-9a-fA-F]{2})/.exec(text.slice(i + 1))
            : null;
      if (code) {
        out += String.fromCodePoint(parseInt(code[1] ?? code[2]!, 16));
        i += code[0].length;
      } else if (n === "\n") {
        // A line continuation adds nothing.
      } else {
        out += ESCAPES[n] ?? n;
      }
      continue;
    }
    if (quote === "`" && c === "$" && text[i + 1] === "{")
      return { ok: false, reason: "template literals with ${...} are not literal values" };
    if (c === "\n" && quote !== "`") break;
    out += c;
  }
  return { ok: false, reason: "unterminated string literal" };
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0", b: "\b", f: "\f", v: "\v" };

/** Skips whitespace, `// line` and `/* block *\/` comments. */
export function skipTrivia(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.startsWith("//", i)) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? text.length : close + 2;
    } else {
      return i;
    }
  }
}

/** Whitespace as JavaScript sees it between tokens (space, tabs, line breaks, BOM, NBSP). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

function snippet(text: string, i: number): string {
  if (i >= text.length) return "end of file";
  return JSON.stringify(text.slice(i, i + 20).split("\n")[0]);
}

import type { SqliteToken } from "./sqlite-tokenizer";

/**
 * Walks a token list for the DDL parsers: keyword tests, balanced parentheses, source slices.
 * A cursor is a view of a range of one shared token list (the parts of a CREATE TABLE body are
 * ranges of its tokens, not copies of them); positions and lengths are within that range.
 */
export class SqliteTokenCursor {
  readonly #all: readonly SqliteToken[];
  readonly #from: number;
  readonly #to: number;
  #pos: number;

  constructor(
    readonly sql: string,
    tokens: readonly SqliteToken[],
    from = 0,
    to = tokens.length,
  ) {
    this.#all = tokens;
    this.#from = from;
    this.#to = to;
    this.#pos = from;
  }

  get done(): boolean {
    return this.#pos >= this.#to;
  }

  /** How many tokens this cursor covers. */
  get length(): number {
    return this.#to - this.#from;
  }

  /** The token at index `i` of this cursor's range, whatever its position. */
  at(i: number): SqliteToken | undefined {
    return i >= 0 && i < this.length ? this.#all[this.#from + i] : undefined;
  }

  peek(offset = 0): SqliteToken | undefined {
    const i = this.#pos + offset;
    return i < this.#to ? this.#all[i] : undefined;
  }

  next(): SqliteToken | undefined {
    return this.#pos < this.#to ? this.#all[this.#pos++] : (this.#pos++, undefined);
  }

  /**
   * True when the next tokens are these unquoted keywords (case-insensitive). Up to three, as
   * parameters rather than a rest array: the parsers ask this many times per token.
   */
  isWord(k1: string, k2?: string, k3?: string): boolean {
    return (
      this.#wordAt(0, k1) && (k2 === undefined || this.#wordAt(1, k2)) && (k3 === undefined || this.#wordAt(2, k3))
    );
  }

  /** Consumes the keywords if they come next. */
  acceptWord(k1: string, k2?: string, k3?: string): boolean {
    if (!this.isWord(k1, k2, k3)) return false;
    this.#pos += k3 !== undefined ? 3 : k2 !== undefined ? 2 : 1;
    return true;
  }

  /**
   * Whether the token `offset` ahead is the keyword `k`: the length first (most differ in it),
   * then as written (keywords mostly are in capitals), upper-cased only when that fails.
   */
  #wordAt(offset: number, k: string): boolean {
    const t = this.peek(offset);
    if (t === undefined || t.kind !== "word" || t.value.length !== k.length) return false;
    return t.value === k || t.value.toUpperCase() === k;
  }

  /** The next token's keyword, upper-cased, when it is a word (an unquoted name or keyword); else null. */
  peekWord(): string | null {
    const t = this.peek();
    if (t === undefined || t.kind !== "word") return null;
    return t.value.toUpperCase();
  }

  isPunct(p: string): boolean {
    const t = this.peek();
    return t?.kind === "punct" && t.value === p;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.#pos++;
    return true;
  }

  /**
   * At a `(`: consumes the parenthesised group and returns the source text between the
   * parentheses, trimmed. Returns null (consuming nothing) when no `(` comes next.
   */
  parenthesized(): string | null {
    const inner = this.enter();
    return inner ? inner.rest() : null;
  }

  /** At a `(`: consumes the parenthesised group without making its text; false when no `(` comes next. */
  skipParenthesized(): boolean {
    return this.enter() !== null;
  }

  /**
   * Splits the rest of the tokens (or those inside the parenthesis just consumed) at top-level
   * commas. Each part is a cursor over its own range of the tokens.
   */
  splitTopLevel(): SqliteTokenCursor[] {
    // Locals rather than the private fields in the loop: it runs over every token of every
    // CREATE TABLE body, mostly before V8 optimizes it.
    const all = this.#all;
    const to = this.#to;
    const parts: SqliteTokenCursor[] = [];
    let depth = 0;
    let start = this.#pos;
    let pos = this.#pos;
    for (; pos < to; pos++) {
      const t = all[pos]!;
      if (t.kind !== "punct") continue;
      const v = t.value;
      if (v === "(") depth++;
      else if (v === ")") depth--;
      else if (depth === 0 && v === ",") {
        if (pos > start) parts.push(new SqliteTokenCursor(this.sql, all, start, pos));
        start = pos + 1;
      }
    }
    this.#pos = pos;
    if (to > start) parts.push(new SqliteTokenCursor(this.sql, all, start, to));
    return parts;
  }

  /**
   * Consumes a `( ... )` group and returns a cursor over the tokens inside it, or null when no
   * `(` comes next. An unclosed group runs to the end.
   */
  enter(): SqliteTokenCursor | null {
    if (!this.isPunct("(")) return null;
    const all = this.#all;
    const to = this.#to;
    const start = this.#pos + 1;
    let depth = 1;
    for (let pos = start; pos < to; pos++) {
      const t = all[pos]!;
      if (t.kind !== "punct") continue;
      if (t.value === "(") depth++;
      else if (t.value === ")" && --depth === 0) {
        this.#pos = pos + 1;
        return new SqliteTokenCursor(this.sql, all, start, pos);
      }
    }
    this.#pos = to;
    return new SqliteTokenCursor(this.sql, all, start, to);
  }

  /** Source text from the next token to the end of this cursor's tokens, trimmed. */
  rest(): string {
    const from = this.#pos - this.#from;
    this.#pos = this.#to;
    return this.slice(from, this.length);
  }

  /**
   * Source text of the tokens from index `from` (inclusive) to `to` (exclusive) of this cursor,
   * as written, except that a comment between two tokens becomes one space.
   */
  slice(from: number, to: number): string {
    let out = "";
    const end = Math.min(to, this.length);
    for (let i = from; i < end; i++) {
      const t = this.at(i)!;
      if (i > from) {
        const gap = this.sql.slice(this.at(i - 1)!.end, t.start);
        out += /\S/.test(gap) ? " " : gap;
      }
      out += t.text;
    }
    return out.trim();
  }

  get position(): number {
    return this.#pos - this.#from;
  }
}

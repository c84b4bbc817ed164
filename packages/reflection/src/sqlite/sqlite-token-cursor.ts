import type { SqliteToken } from "./sqlite-tokenizer";

/** Walks a token list for the DDL parsers: keyword tests, balanced parentheses, source slices. */
export class SqliteTokenCursor {
  #pos = 0;
  constructor(
    readonly sql: string,
    readonly tokens: readonly SqliteToken[],
  ) {}

  get done(): boolean {
    return this.#pos >= this.tokens.length;
  }

  peek(offset = 0): SqliteToken | undefined {
    return this.tokens[this.#pos + offset];
  }

  next(): SqliteToken | undefined {
    return this.tokens[this.#pos++];
  }

  /** True when the next tokens are these unquoted keywords (case-insensitive). */
  isWord(...keywords: string[]): boolean {
    for (let n = 0; n < keywords.length; n++) {
      const t = this.tokens[this.#pos + n];
      const k = keywords[n]!;
      // The length first: the parsers try many keywords on every token, and most differ in it.
      if (t?.kind !== "word" || t.value.length !== k.length || t.value.toUpperCase() !== k) return false;
    }
    return true;
  }

  /** Consumes the keywords if they come next. */
  acceptWord(...keywords: string[]): boolean {
    if (!this.isWord(...keywords)) return false;
    this.#pos += keywords.length;
    return true;
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

  /**
   * Splits the rest of the tokens (or those inside the parenthesis just consumed) at top-level
   * commas. Each part is a cursor over its own tokens, sharing the source text.
   */
  splitTopLevel(separator = ","): SqliteTokenCursor[] {
    const parts: SqliteToken[][] = [[]];
    let depth = 0;
    while (!this.done) {
      const t = this.next()!;
      if (t.kind === "punct" && t.value === "(") depth++;
      if (t.kind === "punct" && t.value === ")") depth--;
      if (depth === 0 && t.kind === "punct" && t.value === separator) parts.push([]);
      else parts[parts.length - 1]!.push(t);
    }
    return parts.filter((p) => p.length > 0).map((p) => new SqliteTokenCursor(this.sql, p));
  }

  /**
   * Consumes a `( ... )` group and returns a cursor over the tokens inside it, or null when no
   * `(` comes next.
   */
  enter(): SqliteTokenCursor | null {
    if (!this.isPunct("(")) return null;
    const inner: SqliteToken[] = [];
    let depth = 0;
    while (!this.done) {
      const t = this.next()!;
      const isOpen = t.kind === "punct" && t.value === "(";
      const isClose = t.kind === "punct" && t.value === ")";
      if (isClose && --depth === 0) break;
      if (depth > 0) inner.push(t);
      if (isOpen) depth++;
    }
    return new SqliteTokenCursor(this.sql, inner);
  }

  /** Source text from the next token to the end of this cursor's tokens, trimmed. */
  rest(): string {
    const from = this.#pos;
    this.#pos = this.tokens.length;
    return this.slice(from, this.tokens.length);
  }

  /**
   * Source text of the tokens from index `from` (inclusive) to `to` (exclusive) of this cursor,
   * as written, except that a comment between two tokens becomes one space.
   */
  slice(from: number, to: number): string {
    let out = "";
    for (let i = from; i < to && i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (i > from) {
        const gap = this.sql.slice(this.tokens[i - 1]!.end, t.start);
        out += /\S/.test(gap) ? " " : gap;
      }
      out += t.text;
    }
    return out.trim();
  }

  get position(): number {
    return this.#pos;
  }
}

import { SqliteTokenCursor } from "./sqlite-token-cursor";
import { tokenizeSqlite } from "./sqlite-tokenizer";

/** One `indexed-column` of a CREATE INDEX statement. */
export interface ParsedSqliteIndexElement {
  /** The column name or expression, as written, without COLLATE and ASC/DESC. */
  readonly text: string;
  /** An explicit `COLLATE name`, as written. */
  readonly collation: string | null;
}

export interface ParsedSqliteIndex {
  /** In index order; `pragma_index_xinfo` rows with the same seqno describe the same element. */
  readonly elements: readonly ParsedSqliteIndexElement[];
  /** The partial-index predicate, as written. */
  readonly where: string | null;
}

/**
 * Parses `CREATE [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON table (indexed-column, ...)
 * [WHERE expr]` (https://sqlite.org/lang_createindex.html) for what `pragma_index_xinfo` does
 * not give: expression texts (cid -2), explicit collations and the WHERE clause.
 */
export function parseSqliteCreateIndex(sql: string): ParsedSqliteIndex {
  const c = new SqliteTokenCursor(sql, tokenizeSqlite(sql));
  while (!c.done && !c.isWord("ON")) c.next();
  c.acceptWord("ON");
  c.next();
  if (c.acceptPunct(".")) c.next();
  const list = c.enter() ?? new SqliteTokenCursor(sql, []);
  const elements = list.splitTopLevel().map(parseElement);
  const where = c.acceptWord("WHERE") ? c.rest().replace(/;\s*$/, "").trim() : null;
  return { elements, where };
}

function parseElement(e: SqliteTokenCursor): ParsedSqliteIndexElement {
  let end = e.length;
  const wordAt = (i: number) => (e.at(i)?.kind === "word" ? e.at(i)!.value.toUpperCase() : null);
  if (wordAt(end - 1) === "ASC" || wordAt(end - 1) === "DESC") end--;
  let collation: string | null = null;
  if (end >= 2 && wordAt(end - 2) === "COLLATE") {
    collation = e.at(end - 1)!.value;
    end -= 2;
  }
  return { text: e.slice(0, end).trim(), collation };
}

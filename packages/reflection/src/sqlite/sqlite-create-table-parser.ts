import type { ForeignKey, ReferentialAction } from "@autogen/core";
import { SqliteTokenCursor } from "./sqlite-token-cursor";
import { tokenizeSqlite } from "./sqlite-tokenizer";

/** What the CREATE TABLE text says about one column beyond what `pragma_table_xinfo` gives. */
export interface ParsedSqliteColumn {
  readonly name: string;
  readonly collation: string | null;
  /** Declared `PRIMARY KEY AUTOINCREMENT`. */
  readonly autoIncrement: boolean;
  readonly generated: { readonly expression: string; readonly stored: boolean } | null;
}

/** A foreign key as CREATE TABLE spells it: SQLite references tables of the same schema only. */
export type ParsedSqliteForeignKey = Omit<ForeignKey, "kind" | "refSchema">;

/**
 * The parts of a CREATE TABLE statement that SQLite's pragmas do not report: constraint names,
 * CHECK expressions, AUTOINCREMENT, generated expressions, COLLATE, and FK deferrability.
 * Column-level constraints (`a int UNIQUE`) appear here as one-column table constraints.
 */
export interface ParsedSqliteTable {
  /** Keyed by lower-cased column name: SQLite column names are case-insensitive. */
  readonly columns: ReadonlyMap<string, ParsedSqliteColumn>;
  readonly primaryKey: { readonly name: string | null; readonly columns: readonly string[] } | null;
  readonly uniques: readonly { readonly name: string | null; readonly columns: readonly string[] }[];
  readonly checks: readonly { readonly name: string | null; readonly expression: string }[];
  /** In declaration order. */
  readonly foreignKeys: readonly ParsedSqliteForeignKey[];
}

/** Words that end a column's type name and start a column constraint (https://sqlite.org/syntax/column-constraint.html). */
const COLUMN_CONSTRAINT_WORDS = new Set([
  "CONSTRAINT",
  "PRIMARY",
  "NOT",
  "NULL",
  "UNIQUE",
  "CHECK",
  "DEFAULT",
  "COLLATE",
  "REFERENCES",
  "GENERATED",
  "AS",
]);

/** Words that start a table constraint (https://sqlite.org/syntax/table-constraint.html). */
const TABLE_CONSTRAINT_WORDS = new Set(["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]);

/**
 * Parses the `sql` text SQLite stores for a table in sqlite_schema. That text is the statement
 * as the user wrote it (only `CREATE TABLE` is normalised), so this is a tokenizer-based parser
 * that respects quotes, comments and nested parentheses rather than a set of regexes.
 */
export function parseSqliteCreateTable(sql: string): ParsedSqliteTable {
  const top = new SqliteTokenCursor(sql, tokenizeSqlite(sql));
  // Skip `CREATE [TEMP] TABLE [IF NOT EXISTS] [schema.]name` up to the column list.
  while (!top.done && !top.isPunct("(")) top.next();
  const body = top.enter() ?? new SqliteTokenCursor(sql, []);

  const table: MutableTable = { columns: new Map(), primaryKey: null, uniques: [], checks: [], foreignKeys: [] };
  for (const item of body.splitTopLevel()) {
    const first = item.peekWord();
    if (first !== null && TABLE_CONSTRAINT_WORDS.has(first)) parseTableConstraint(item, table);
    else parseColumn(item, table);
  }
  return table;
}

interface MutableTable {
  columns: Map<string, ParsedSqliteColumn>;
  primaryKey: { name: string | null; columns: string[] } | null;
  uniques: { name: string | null; columns: string[] }[];
  checks: { name: string | null; expression: string }[];
  foreignKeys: ParsedSqliteForeignKey[];
}

function parseColumn(c: SqliteTokenCursor, table: MutableTable): void {
  const name = c.next()!.value;
  // The type name: every token up to the first constraint keyword, with its `(n, m)`.
  for (let word = c.peekWord(); !c.done && !(word !== null && COLUMN_CONSTRAINT_WORDS.has(word)); word = c.peekWord()) {
    if (!c.skipParenthesized()) c.next();
  }
  let collation: string | null = null;
  let autoIncrement = false;
  let generated: ParsedSqliteColumn["generated"] = null;
  let constraintName: string | null = null;
  while (!c.done) {
    if (c.acceptWord("CONSTRAINT")) {
      constraintName = c.next()?.value ?? null;
      continue;
    }
    if (c.acceptWord("PRIMARY", "KEY")) {
      c.acceptWord("ASC") || c.acceptWord("DESC");
      skipConflictClause(c);
      autoIncrement = c.acceptWord("AUTOINCREMENT");
      table.primaryKey = { name: constraintName, columns: [name] };
    } else if (c.acceptWord("NOT", "NULL") || c.acceptWord("NULL")) {
      skipConflictClause(c);
    } else if (c.acceptWord("UNIQUE")) {
      skipConflictClause(c);
      table.uniques.push({ name: constraintName, columns: [name] });
    } else if (c.acceptWord("CHECK")) {
      table.checks.push({ name: constraintName, expression: c.parenthesized() ?? "" });
    } else if (c.acceptWord("DEFAULT")) {
      skipDefault(c);
    } else if (c.acceptWord("COLLATE")) {
      collation = c.next()?.value ?? null;
    } else if (c.acceptWord("REFERENCES")) {
      table.foreignKeys.push(parseReferences(c, constraintName, [name]));
    } else if (c.acceptWord("GENERATED", "ALWAYS", "AS") || c.acceptWord("AS")) {
      const expression = c.parenthesized() ?? "";
      // VIRTUAL is the default (https://sqlite.org/gencol.html).
      const stored = c.acceptWord("STORED");
      if (!stored) c.acceptWord("VIRTUAL");
      generated = { expression, stored };
    } else {
      c.next(); // a token this parser does not model; the pragmas cover the rest.
      continue;
    }
    constraintName = null;
  }
  table.columns.set(name.toLowerCase(), { name, collation, autoIncrement, generated });
}

function parseTableConstraint(c: SqliteTokenCursor, table: MutableTable): void {
  const name = c.acceptWord("CONSTRAINT") ? (c.next()?.value ?? null) : null;
  if (c.acceptWord("PRIMARY", "KEY")) {
    table.primaryKey = { name, columns: indexedColumnNames(c) };
  } else if (c.acceptWord("UNIQUE")) {
    table.uniques.push({ name, columns: indexedColumnNames(c) });
  } else if (c.acceptWord("CHECK")) {
    table.checks.push({ name, expression: c.parenthesized() ?? "" });
  } else if (c.acceptWord("FOREIGN", "KEY")) {
    const columns = nameList(c);
    c.acceptWord("REFERENCES");
    table.foreignKeys.push(parseReferences(c, name, columns));
  }
}

/** `foreign-table [(cols)] [ON DELETE|UPDATE action | MATCH name]* [[NOT] DEFERRABLE [INITIALLY ...]]`. */
function parseReferences(c: SqliteTokenCursor, name: string | null, columns: string[]): ParsedSqliteForeignKey {
  let refTable = c.next()?.value ?? "";
  // `schema.table` is not allowed here by SQLite, but tolerate it the way the server parses it.
  if (c.acceptPunct(".")) refTable = c.next()?.value ?? refTable;
  const refColumns = c.isPunct("(") ? nameList(c) : [];
  let onDelete: ReferentialAction | null = null;
  let onUpdate: ReferentialAction | null = null;
  let deferrable = false;
  let initially: "IMMEDIATE" | "DEFERRED" | null = null;
  while (!c.done) {
    if (c.acceptWord("ON", "DELETE")) onDelete = referentialAction(c);
    else if (c.acceptWord("ON", "UPDATE")) onUpdate = referentialAction(c);
    else if (c.acceptWord("MATCH")) c.next();
    else if (c.acceptWord("NOT", "DEFERRABLE")) {
      deferrable = false;
      if (c.acceptWord("INITIALLY")) c.next();
    } else if (c.acceptWord("DEFERRABLE")) {
      deferrable = true;
      if (c.acceptWord("INITIALLY", "DEFERRED")) initially = "DEFERRED";
      else if (c.acceptWord("INITIALLY", "IMMEDIATE")) initially = "IMMEDIATE";
    } else break; // the next column constraint
  }
  return { name, columns, refTable, refColumns, onDelete, onUpdate, deferrable, initially };
}

/** NO ACTION is the default, reported as null like every other dialect's reflection does. */
function referentialAction(c: SqliteTokenCursor): ReferentialAction | null {
  if (c.acceptWord("SET", "NULL")) return "SET NULL";
  if (c.acceptWord("SET", "DEFAULT")) return "SET DEFAULT";
  if (c.acceptWord("CASCADE")) return "CASCADE";
  if (c.acceptWord("RESTRICT")) return "RESTRICT";
  c.acceptWord("NO", "ACTION");
  return null;
}

/** `(a, b)` → `["a", "b"]`. */
function nameList(c: SqliteTokenCursor): string[] {
  const inner = c.enter();
  return inner ? inner.splitTopLevel().map((p) => p.next()!.value) : [];
}

/** `(a COLLATE x DESC, b)` → `["a", "b"]`: the column names of a PRIMARY KEY or UNIQUE list. */
function indexedColumnNames(c: SqliteTokenCursor): string[] {
  const names = nameList(c);
  skipConflictClause(c);
  return names;
}

function skipConflictClause(c: SqliteTokenCursor): void {
  if (c.acceptWord("ON", "CONFLICT")) c.next();
}

/** `DEFAULT (expr)`, `DEFAULT -1`, `DEFAULT 'x'`, `DEFAULT CURRENT_TIMESTAMP`: the pragma reports its text. */
function skipDefault(c: SqliteTokenCursor): void {
  if (c.skipParenthesized()) return;
  if (c.isPunct("-") || c.isPunct("+")) c.next();
  c.next();
}

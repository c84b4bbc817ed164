/*
 * The catalog queries of SQLite reflection: sqlite_schema joined with the pragma table-valued
 * functions (https://sqlite.org/pragma.html#pragfunc), so that each query covers every table
 * at once. All take the parameters of `sqliteTableFilter`.
 */
import { compareText } from "@autogen/core";
import { namedRows } from "../named-row";
import { excludedTables } from "../reflect-options";
import type { ReflectOptions } from "../reflect-options";

/**
 * The tables a reflect call covers, as a WHERE fragment over `m` (sqlite_schema): `sqlite_%`
 * names are SQLite's own (https://sqlite.org/fileformat2.html#intschema); then the always- and
 * caller-excluded names; then the optional `tables` allow-list.
 */
export function sqliteTableFilter(o: ReflectOptions): { sql: string; params: string[] } {
  const excluded = excludedTables(o);
  const parts = [`m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`, `m.name NOT IN (${excluded.map(() => "?").join(", ")})`];
  const params = [...excluded];
  if (o.tables) {
    parts.push(o.tables.length === 0 ? "0" : `m.name IN (${o.tables.map(() => "?").join(", ")})`);
    params.push(...o.tables);
  }
  return { sql: parts.join(" AND "), params };
}

/**
 * Ordinary tables of the main schema: pragma_table_list tells them from virtual tables (FTS5
 * and the like) and from the shadow tables those keep their data in. It is read once, whole,
 * and joined by name: called per table (`pragma_table_list(m.name)`) it walks every table of the
 * schema each time, which is quadratic. MATERIALIZED keeps SQLite from re-running it per row.
 */
const tablesCte = (filter: string) => `WITH tables AS MATERIALIZED (
  SELECT m.name, m.sql, t.wr, t.strict
    FROM pragma_table_list AS t
    JOIN sqlite_schema AS m ON m.name = t.name AND m.type = 'table'
   WHERE t.schema = 'main' AND t.type = 'table' AND ${filter})`;

/**
 * One catalog query: its output fields (name → SQL expression), the rest of it (FROM, WHERE)
 * with an optional WITH clause before it, and the order the introspector reads its rows in.
 */
export interface SqliteCatalogSelect {
  readonly with?: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly from: string;
  /**
   * The rows of each group (rows that agree on the `group` fields, a table's, an index's) come
   * by their `within` field ascending (an integer: a column's cid, a key part's seqno); groups
   * come in any order (the introspector groups them, and the schema is sorted afterwards).
   */
  readonly order: { readonly group: readonly string[]; readonly within?: string };
}

/**
 * A catalog select as a query that answers ONE row, `data`: the JSON array of its rows, each
 * row the array of its values in field order. sqlite3 (and better-sqlite3) turn every result
 * row into a JavaScript object on the main thread, field by field, which for the ten thousand
 * rows of a 1,000-table schema cost more than SQLite's own work; SQLite writes the JSON text on
 * its own thread, and JSON.parse reads it many times faster.
 *
 * The rows are aggregated in the order the join produces them, with no ORDER BY: every table,
 * then each pragma's rows in their own order (a table's columns by cid, an index's key parts by
 * seqno), which is the order the introspector needs. Sorting them in SQL (a window's
 * row_number, which put each row at its position) cost SQLite about 40 ms of a 1,000-table
 * reflect's 130, on the thread that answers a check last. SQLite does not promise the order
 * an aggregate sees its rows in, so `rowsOf` checks it, and sorts the rows (by group, then
 * `within`) when a group's rows are out of order.
 */
export function sqliteJsonRowsQuery<R>(select: SqliteCatalogSelect): {
  readonly sql: string;
  rowsOf(answer: readonly { data: string }[]): R[];
} {
  const names = Object.keys(select.fields);
  const fields = Object.entries(select.fields).map(([name, sql]) => `${sql} AS ${name}`);
  const group = select.order.group.map((f) => names.indexOf(f));
  const within = select.order.within === undefined ? -1 : names.indexOf(select.order.within);
  if (group.includes(-1) || (select.order.within !== undefined && within === -1))
    throw new Error(`A catalog select orders by a field it does not have: ${JSON.stringify(select.order)}`);
  const groupOf = (v: readonly unknown[]): string =>
    group.length === 1 ? String(v[group[0]!]) : group.map((i) => String(v[i])).join("\u0000");
  return {
    sql: `${select.with ?? ""}
SELECT json_group_array(json_array(${names.join(", ")})) AS data
  FROM (SELECT ${fields.join(", ")}
          ${select.from})`,
    rowsOf(answer) {
      const values = JSON.parse(answer[0]?.data ?? "[]") as unknown[][];
      if (within >= 0 && !inGroupOrder(values, groupOf, within)) {
        const keys = new Map(values.map((v) => [v, groupOf(v)]));
        values.sort((a, b) => compareText(keys.get(a)!, keys.get(b)!) || (a[within] as number) - (b[within] as number));
      }
      const row = namedRows<R>(names);
      const rows = new Array<R>(values.length);
      for (let i = 0; i < values.length; i++) rows[i] = row(values[i]!);
      return rows;
    },
  };
}

/** Whether the rows of each group come by their `within` value ascending (groups interleaved or not). */
function inGroupOrder(
  values: readonly (readonly unknown[])[],
  groupOf: (v: readonly unknown[]) => string,
  within: number,
): boolean {
  const last = new Map<string, number>();
  for (const v of values) {
    const key = groupOf(v);
    const at = v[within] as number;
    const before = last.get(key);
    if (before !== undefined && before >= at) return false;
    last.set(key, at);
  }
  return true;
}

/**
 * Columns (hidden 2/3: generated VIRTUAL/STORED), with each table's options, and its CREATE
 * TABLE text on the table's first column only (not a copy per column).
 */
export const sqliteColumnsSelect = (filter: string): SqliteCatalogSelect => ({
  with: tablesCte(filter),
  fields: {
    table_name: "m.name",
    table_sql: "CASE WHEN c.cid = 0 THEN m.sql END",
    without_rowid: "m.wr",
    is_strict: "m.strict",
    cid: "c.cid",
    column_name: "c.name",
    column_type: "c.type",
    not_null: 'c."notnull"',
    default_value: "c.dflt_value",
    pk_position: "c.pk",
    hidden: "c.hidden",
  },
  from: `FROM tables AS m
  JOIN pragma_table_xinfo(m.name, 'main') AS c`,
  order: { group: ["table_name"], within: "cid" },
});

/**
 * Key elements of every index (origin c, u or pk), with the CREATE INDEX text. The texts are
 * read once into a CTE the join can index: sqlite_schema has no index on name, so joining it
 * directly scans it once per index.
 */
export const sqliteIndexesSelect = (filter: string): SqliteCatalogSelect => ({
  with: `${tablesCte(filter)},
index_texts AS MATERIALIZED (SELECT name, sql FROM sqlite_schema WHERE type = 'index')`,
  fields: {
    table_name: "m.name",
    index_name: "il.name",
    is_unique: 'il."unique"',
    origin: "il.origin",
    seqno: "ii.seqno",
    cid: "ii.cid",
    column_name: "ii.name",
    is_descending: 'ii."desc"',
    index_sql: "s.sql",
  },
  from: `FROM tables AS m
  JOIN pragma_index_list(m.name, 'main') AS il
  JOIN pragma_index_xinfo(il.name, 'main') AS ii
  LEFT JOIN index_texts AS s ON s.name = il.name
 WHERE ii.key = 1`,
  order: { group: ["table_name", "index_name"], within: "seqno" },
});

/**
 * Foreign key column pairs, each key's by seq (the introspector takes the keys in declaration
 * order: pragma ids count backwards). A REFERENCES clause without columns points at the
 * parent's primary key: it is resolved here, because the parent need not be among the
 * reflected tables (batch mode reflects one).
 */
export const sqliteForeignKeysSelect = (filter: string): SqliteCatalogSelect => ({
  with: tablesCte(filter),
  fields: {
    table_name: "m.name",
    id: "f.id",
    seq: "f.seq",
    ref_table: 'f."table"',
    column_name: 'f."from"',
    ref_column: 'f."to"',
    ref_pk_column: "p.name",
    on_update: "f.on_update",
    on_delete: "f.on_delete",
  },
  from: `FROM tables AS m
  JOIN pragma_foreign_key_list(m.name, 'main') AS f
  LEFT JOIN pragma_table_info(f."table", 'main') AS p ON f."to" IS NULL AND p.pk = f.seq + 1`,
  order: { group: ["table_name", "id"], within: "seq" },
});

/** Views (with their CREATE VIEW text) and virtual tables (to warn about). */
export const sqliteViewsAndVirtualTablesSelect = (filter: string): SqliteCatalogSelect => ({
  fields: { object_name: "m.name", object_sql: "m.sql", object_type: "t.type" },
  from: `FROM pragma_table_list AS t
  JOIN sqlite_schema AS m ON m.name = t.name AND m.type IN ('view', 'table')
 WHERE t.schema = 'main' AND t.type IN ('view', 'virtual') AND ${filter}`,
  order: { group: ["object_name"] },
});

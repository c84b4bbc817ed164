/*
 * The catalog queries of SQLite reflection: sqlite_schema joined with the pragma table-valued
 * functions (https://sqlite.org/pragma.html#pragfunc), so that each query covers every table
 * at once. All take the parameters of `sqliteTableFilter`.
 */
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
 * with an optional WITH clause before it, and the order of its rows.
 */
export interface SqliteCatalogSelect {
  readonly with?: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly from: string;
  readonly orderBy: string;
}

/**
 * A catalog select as a query that answers ONE row, `data`: the JSON array of its rows, each
 * row the array `[position, ...values in field order]`. sqlite3 (and better-sqlite3) turn every
 * result row into a JavaScript object on the main thread, field by field, which for the ten
 * thousand rows of a 1,000-table schema cost more than SQLite's own work (it ran while the model
 * was built; the conversion waited for it). SQLite writes the JSON text on its own thread, and
 * JSON.parse reads it many times faster. The position (row_number over the select's order)
 * puts each row in its place without relying on the order json_group_array sees them in.
 * `rowsOf` turns the answer back into row objects, in order.
 */
export function sqliteJsonRowsQuery<R>(select: SqliteCatalogSelect): {
  readonly sql: string;
  rowsOf(answer: readonly { data: string }[]): R[];
} {
  const names = Object.keys(select.fields);
  const fields = Object.entries(select.fields).map(([name, sql]) => `${sql} AS ${name}`);
  return {
    sql: `${select.with ?? ""}
SELECT json_group_array(json_array(position, ${names.join(", ")})) AS data
  FROM (SELECT row_number() OVER (ORDER BY ${select.orderBy}) AS position, ${fields.join(", ")}
          ${select.from})`,
    rowsOf(answer) {
      const values = JSON.parse(answer[0]?.data ?? "[]") as unknown[][];
      const rows = new Array<R>(values.length);
      const row = namedRows<R>(names);
      for (const v of values) rows[(v[0] as number) - 1] = row(v, 1);
      return rows;
    },
  };
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
  orderBy: "m.name, c.cid",
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
  orderBy: "m.name, il.name, ii.seqno",
});

/**
 * Foreign key column pairs, in declaration order (pragma ids count backwards). A REFERENCES
 * clause without columns points at the parent's primary key: it is resolved here, because the
 * parent need not be among the reflected tables (batch mode reflects one).
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
  orderBy: "m.name, f.id DESC, f.seq",
});

/** Views (with their CREATE VIEW text) and virtual tables (to warn about). */
export const sqliteViewsAndVirtualTablesSelect = (filter: string): SqliteCatalogSelect => ({
  fields: { object_name: "m.name", object_sql: "m.sql", object_type: "t.type" },
  from: `FROM pragma_table_list AS t
  JOIN sqlite_schema AS m ON m.name = t.name AND m.type IN ('view', 'table')
 WHERE t.schema = 'main' AND t.type IN ('view', 'virtual') AND ${filter}`,
  orderBy: "m.name",
});

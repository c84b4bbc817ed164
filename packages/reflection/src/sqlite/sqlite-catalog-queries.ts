/*
 * The catalog queries of SQLite reflection: sqlite_schema joined with the pragma table-valued
 * functions (https://sqlite.org/pragma.html#pragfunc), so that each query covers every table
 * at once. All take the parameters of `sqliteTableFilter`.
 */
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
 * Columns (hidden 2/3: generated VIRTUAL/STORED), with each table's options, and its CREATE
 * TABLE text on the table's first column only (not a copy per column).
 */
export const sqliteColumnsQuery = (filter: string) => `${tablesCte(filter)}
SELECT m.name AS table_name, CASE WHEN c.cid = 0 THEN m.sql END AS table_sql, m.wr AS without_rowid, m.strict AS is_strict,
       c.cid, c.name AS column_name, c.type AS column_type, c."notnull" AS not_null,
       c.dflt_value AS default_value, c.pk AS pk_position, c.hidden
  FROM tables AS m
  JOIN pragma_table_xinfo(m.name, 'main') AS c
 ORDER BY m.name, c.cid`;

/**
 * Key elements of every index (origin c, u or pk), with the CREATE INDEX text. The texts are
 * read once into a CTE the join can index: sqlite_schema has no index on name, so joining it
 * directly scans it once per index.
 */
export const sqliteIndexesQuery = (filter: string) => `${tablesCte(filter)},
index_texts AS MATERIALIZED (SELECT name, sql FROM sqlite_schema WHERE type = 'index')
SELECT m.name AS table_name, il.name AS index_name, il."unique" AS is_unique, il.origin,
       ii.seqno, ii.cid, ii.name AS column_name, ii."desc" AS is_descending, s.sql AS index_sql
  FROM tables AS m
  JOIN pragma_index_list(m.name, 'main') AS il
  JOIN pragma_index_xinfo(il.name, 'main') AS ii
  LEFT JOIN index_texts AS s ON s.name = il.name
 WHERE ii.key = 1
 ORDER BY m.name, il.name, ii.seqno`;

/**
 * Foreign key column pairs, in declaration order (pragma ids count backwards). A REFERENCES
 * clause without columns points at the parent's primary key: it is resolved here, because the
 * parent need not be among the reflected tables (batch mode reflects one).
 */
export const sqliteForeignKeysQuery = (filter: string) => `${tablesCte(filter)}
SELECT m.name AS table_name, f.id, f.seq, f."table" AS ref_table, f."from" AS column_name,
       f."to" AS ref_column, p.name AS ref_pk_column, f.on_update, f.on_delete
  FROM tables AS m
  JOIN pragma_foreign_key_list(m.name, 'main') AS f
  LEFT JOIN pragma_table_info(f."table", 'main') AS p ON f."to" IS NULL AND p.pk = f.seq + 1
 ORDER BY m.name, f.id DESC, f.seq`;

/** Views (with their CREATE VIEW text) and virtual tables (to warn about). */
export const sqliteViewsAndVirtualTablesQuery = (filter: string) => `
SELECT m.name AS object_name, m.sql AS object_sql, t.type AS object_type
  FROM pragma_table_list AS t
  JOIN sqlite_schema AS m ON m.name = t.name AND m.type IN ('view', 'table')
 WHERE t.schema = 'main' AND t.type IN ('view', 'virtual') AND ${filter}
 ORDER BY m.name`;

/*
 * The information_schema queries of MySQL / MariaDB reflection: a fixed number per reflect call
 * whatever the number of tables (each filtered by schema and table name in SQL, never one
 * query per table, and never SQL text that grows with the number of tables).
 */

/** Application schemas (databases): not the server's own. */
export const MYSQL_SCHEMA_NAMES_QUERY = `
SELECT SCHEMA_NAME AS schema_name
  FROM information_schema.SCHEMATA
 WHERE SCHEMA_NAME NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
 ORDER BY SCHEMA_NAME`;

/** Which schemas, tables and columns a call covers. */
export interface MysqlScope {
  /** The schemas; null in the list (or as the list) is the connection's current database. */
  readonly schemas: readonly (string | null)[] | null;
  readonly excluded: readonly string[];
  readonly tables: readonly string[] | undefined;
}

/** A WHERE fragment and its parameters. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: unknown[];
}

const list = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/** `<alias>.<schemaColumn>` is one of the scope's schemas (default: DATABASE()). */
function schemaFilter(column: string, scope: MysqlScope): SqlFragment {
  const schemas = scope.schemas ?? [null];
  const named = schemas.filter((s): s is string => s !== null);
  const parts = [...(schemas.includes(null) ? [`${column} = DATABASE()`] : []), ...(named.length > 0 ? [`${column} IN (${list(named)})`] : [])];
  return { sql: parts.length === 0 ? "0 = 1" : `(${parts.join(" OR ")})`, params: named };
}

/**
 * The base tables of the scope, as a WHERE fragment over `<alias>.TABLE_SCHEMA` and
 * `<alias>.TABLE_NAME`; views are left out by joining TABLES (see `baseTableJoin`).
 */
export function relationFilter(alias: string, scope: MysqlScope): SqlFragment {
  const schema = schemaFilter(`${alias}.TABLE_SCHEMA`, scope);
  const parts = [schema.sql, `${alias}.TABLE_NAME NOT IN (${list(scope.excluded)})`];
  const params: unknown[] = [...schema.params, ...scope.excluded];
  if (scope.tables) {
    parts.push(scope.tables.length === 0 ? "0 = 1" : `${alias}.TABLE_NAME IN (${list(scope.tables)})`);
    params.push(...scope.tables);
  }
  return { sql: parts.join(" AND "), params };
}

/** Joins `bt` (the base table) to rows of another information_schema view aliased `alias`. */
function baseTableJoin(alias: string): string {
  return `JOIN information_schema.TABLES AS bt
    ON bt.TABLE_SCHEMA = ${alias}.TABLE_SCHEMA AND bt.TABLE_NAME = ${alias}.TABLE_NAME AND bt.TABLE_TYPE = 'BASE TABLE'`;
}

/**
 * The server (to tell MariaDB from MySQL), the current database, the default storage engine,
 * and the default charset and collation of each schema in scope (one row per schema, or one
 * row of server facts only when none exists).
 */
export function mysqlServerQuery(scope: MysqlScope): SqlFragment {
  const schema = schemaFilter("s.SCHEMA_NAME", scope);
  return {
    sql: `SELECT DATABASE() AS current_schema, VERSION() AS server_version,
                 @@default_storage_engine AS default_engine,
                 s.SCHEMA_NAME AS schema_name, s.DEFAULT_CHARACTER_SET_NAME AS charset,
                 s.DEFAULT_COLLATION_NAME AS collation_name
            FROM (SELECT 1 AS one) AS server
            LEFT JOIN information_schema.SCHEMATA AS s ON ${schema.sql}
           ORDER BY s.SCHEMA_NAME`,
    params: schema.params,
  };
}

/**
 * Base tables with engine, collation, comment, and the charset the collation belongs to with
 * that charset's default collation. A collation name starts with its charset's name, and no
 * charset name contains `_` (https://mariadb.com/kb/en/supported-character-sets-and-collations/).
 */
export function mysqlTablesQuery(scope: MysqlScope): SqlFragment {
  const f = relationFilter("t", scope);
  return {
    sql: `SELECT t.TABLE_SCHEMA AS schema_name, t.TABLE_NAME AS table_name, t.ENGINE AS engine,
                 t.TABLE_COLLATION AS collation_name, cs.CHARACTER_SET_NAME AS charset,
                 cs.DEFAULT_COLLATE_NAME AS charset_default_collation, t.TABLE_COMMENT AS table_comment
            FROM information_schema.TABLES AS t
            LEFT JOIN information_schema.CHARACTER_SETS AS cs
              ON cs.CHARACTER_SET_NAME = SUBSTRING_INDEX(t.TABLE_COLLATION, '_', 1)
           WHERE t.TABLE_TYPE = 'BASE TABLE' AND ${f.sql}
           ORDER BY t.TABLE_SCHEMA, t.TABLE_NAME`,
    params: f.params,
  };
}

/** Columns in ordinal order, with the default collation of each column's charset. */
export function mysqlColumnsQuery(scope: MysqlScope): SqlFragment {
  const f = relationFilter("c", scope);
  return {
    sql: `SELECT c.TABLE_SCHEMA AS schema_name, c.TABLE_NAME AS table_name, c.ORDINAL_POSITION AS ordinal,
                 c.COLUMN_NAME AS column_name, c.COLUMN_TYPE AS column_type, c.IS_NULLABLE AS is_nullable,
                 c.COLUMN_DEFAULT AS column_default, c.EXTRA AS extra, c.GENERATION_EXPRESSION AS generation_expression,
                 c.CHARACTER_SET_NAME AS charset, c.COLLATION_NAME AS collation_name,
                 cs.DEFAULT_COLLATE_NAME AS charset_default_collation, c.COLUMN_COMMENT AS column_comment
            FROM information_schema.COLUMNS AS c
            ${baseTableJoin("c")}
            LEFT JOIN information_schema.CHARACTER_SETS AS cs ON cs.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME
           WHERE ${f.sql}
           ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION`,
    params: f.params,
  };
}

/**
 * One row per index element. `hasExpressionColumn`: MySQL 8.0.13+ reports functional key
 * parts in STATISTICS.EXPRESSION; MariaDB has no such column (nor functional indexes).
 */
export function mysqlIndexesQuery(scope: MysqlScope, hasExpressionColumn: boolean): SqlFragment {
  const f = relationFilter("s", scope);
  return {
    sql: `SELECT s.TABLE_SCHEMA AS schema_name, s.TABLE_NAME AS table_name, s.INDEX_NAME AS index_name,
                 s.NON_UNIQUE AS non_unique, s.SEQ_IN_INDEX AS position, s.COLUMN_NAME AS column_name,
                 s.SUB_PART AS sub_part, s.COLLATION AS sort_order, s.INDEX_TYPE AS index_type,
                 ${hasExpressionColumn ? "s.EXPRESSION" : "NULL"} AS expression
            FROM information_schema.STATISTICS AS s
            ${baseTableJoin("s")}
           WHERE ${f.sql}
           ORDER BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX`,
    params: f.params,
  };
}

/** Primary and foreign keys, one row per column, with FK rules. Unique keys come from STATISTICS. */
export function mysqlKeysQuery(scope: MysqlScope): SqlFragment {
  const f = relationFilter("tc", scope);
  return {
    sql: `SELECT tc.TABLE_SCHEMA AS schema_name, tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS constraint_name,
                 tc.CONSTRAINT_TYPE AS constraint_type, k.COLUMN_NAME AS column_name, k.ORDINAL_POSITION AS position,
                 k.REFERENCED_TABLE_SCHEMA AS ref_schema, k.REFERENCED_TABLE_NAME AS ref_table,
                 k.REFERENCED_COLUMN_NAME AS ref_column, rc.UPDATE_RULE AS update_rule, rc.DELETE_RULE AS delete_rule
            FROM information_schema.TABLE_CONSTRAINTS AS tc
            JOIN information_schema.KEY_COLUMN_USAGE AS k
              ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME
             AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS AS rc
              ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.TABLE_NAME = tc.TABLE_NAME
             AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
           WHERE tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'FOREIGN KEY') AND ${f.sql}
           ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    params: f.params,
  };
}

/**
 * CHECK constraints. MariaDB scopes check names per table and reports the table (and the
 * LEVEL: `Column` for a check written on a column) in CHECK_CONSTRAINTS; MySQL scopes them per
 * schema and needs TABLE_CONSTRAINTS for the table.
 */
export function mysqlChecksQuery(scope: MysqlScope, isMariaDb: boolean): SqlFragment {
  const f = relationFilter("tc", scope);
  return {
    sql: `SELECT tc.TABLE_SCHEMA AS schema_name, tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS constraint_name,
                 cc.CHECK_CLAUSE AS check_clause, ${isMariaDb ? "cc.LEVEL" : "'Table'"} AS level
            FROM information_schema.TABLE_CONSTRAINTS AS tc
            JOIN information_schema.CHECK_CONSTRAINTS AS cc
              ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
             ${isMariaDb ? "AND cc.TABLE_NAME = tc.TABLE_NAME" : ""}
           WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND ${f.sql}
           ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME`,
    params: f.params,
  };
}

/** Views with their definitions as the server stores them. */
export function mysqlViewsQuery(scope: MysqlScope): SqlFragment {
  const f = relationFilter("v", scope);
  return {
    sql: `SELECT v.TABLE_SCHEMA AS schema_name, v.TABLE_NAME AS view_name, v.VIEW_DEFINITION AS definition
            FROM information_schema.VIEWS AS v
           WHERE ${f.sql}
           ORDER BY v.TABLE_SCHEMA, v.TABLE_NAME`,
    params: f.params,
  };
}

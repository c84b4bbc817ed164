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

/** Every character set with its default collation. */
export const MYSQL_CHARSET_DEFAULTS_QUERY = `
SELECT CHARACTER_SET_NAME AS charset, DEFAULT_COLLATE_NAME AS collation
  FROM information_schema.CHARACTER_SETS`;

/**
 * The character sets with their default collations, as a derived table the server computes
 * once: the LIMIT keeps the optimizer from merging it into the outer query, where MariaDB
 * would look CHARACTER_SETS up again for every column (about 0.1 s per 10,000 columns).
 */
const CHARACTER_SETS = `(SELECT CHARACTER_SET_NAME, DEFAULT_COLLATE_NAME FROM information_schema.CHARACTER_SETS LIMIT 100000)`;

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
  const parts = [
    ...(schemas.includes(null) ? [`${column} = DATABASE()`] : []),
    ...(named.length > 0 ? [`${column} IN (${list(named)})`] : []),
  ];
  return { sql: parts.length === 0 ? "0 = 1" : `(${parts.join(" OR ")})`, params: named };
}

/**
 * The tables of the scope, as a WHERE fragment over `<alias>.<schemaColumn>` (TABLE_SCHEMA, or
 * CONSTRAINT_SCHEMA in the information_schema views that have no TABLE_SCHEMA) and
 * `<alias>.TABLE_NAME`. Views (CREATE VIEW) pass too:
 * rows of views (columns) are left out by the introspector, which builds only the base tables
 * of `mysqlTablesQuery`. Joining information_schema.TABLES instead would filter them in SQL,
 * but MariaDB then fills TABLES once per row: seconds at 1,000 tables.
 */
export function relationFilter(alias: string, scope: MysqlScope, schemaColumn = "TABLE_SCHEMA"): SqlFragment {
  const schema = schemaFilter(`${alias}.${schemaColumn}`, scope);
  const parts = [schema.sql, `${alias}.TABLE_NAME NOT IN (${list(scope.excluded)})`];
  const params: unknown[] = [...schema.params, ...scope.excluded];
  if (scope.tables) {
    parts.push(scope.tables.length === 0 ? "0 = 1" : `${alias}.TABLE_NAME IN (${list(scope.tables)})`);
    params.push(...scope.tables);
  }
  return { sql: parts.join(" AND "), params };
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
            LEFT JOIN ${CHARACTER_SETS} AS cs
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
            LEFT JOIN ${CHARACTER_SETS} AS cs ON cs.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME
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
           WHERE ${f.sql}
           ORDER BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX`,
    params: f.params,
  };
}

/**
 * Primary and foreign keys, one row per column (unique keys come from STATISTICS), followed in
 * the same result by one `RULES` row per foreign key with its ON UPDATE / ON DELETE rules. The
 * introspector pairs them by name: a JOIN of KEY_COLUMN_USAGE with TABLE_CONSTRAINTS or
 * REFERENTIAL_CONSTRAINTS takes MariaDB seconds at 1,000 tables, each view alone milliseconds.
 */
export function mysqlKeysQuery(scope: MysqlScope): SqlFragment {
  const k = relationFilter("k", scope);
  const rc = relationFilter("rc", scope, "CONSTRAINT_SCHEMA");
  return {
    sql: `SELECT k.TABLE_SCHEMA AS schema_name, k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS constraint_name,
                 IF(k.CONSTRAINT_NAME = 'PRIMARY', 'PRIMARY KEY', 'FOREIGN KEY') AS constraint_type,
                 k.COLUMN_NAME AS column_name, k.ORDINAL_POSITION AS position,
                 k.REFERENCED_TABLE_SCHEMA AS ref_schema, k.REFERENCED_TABLE_NAME AS ref_table,
                 k.REFERENCED_COLUMN_NAME AS ref_column, NULL AS update_rule, NULL AS delete_rule
            FROM information_schema.KEY_COLUMN_USAGE AS k
           WHERE (k.CONSTRAINT_NAME = 'PRIMARY' OR k.REFERENCED_TABLE_NAME IS NOT NULL) AND ${k.sql}
          UNION ALL
          SELECT rc.CONSTRAINT_SCHEMA, rc.TABLE_NAME, rc.CONSTRAINT_NAME, 'RULES', NULL, NULL, NULL, NULL, NULL,
                 rc.UPDATE_RULE, rc.DELETE_RULE
            FROM information_schema.REFERENTIAL_CONSTRAINTS AS rc
           WHERE ${rc.sql}
           ORDER BY schema_name, table_name, constraint_name, position`,
    params: [...k.params, ...rc.params],
  };
}

/**
 * CHECK constraints. MariaDB scopes check names per table and reports the table (and the
 * LEVEL: `Column` for a check written on a column) in CHECK_CONSTRAINTS, which is read alone
 * (a join with TABLE_CONSTRAINTS is slow there); MySQL scopes them per schema and needs
 * TABLE_CONSTRAINTS for the table.
 */
export function mysqlChecksQuery(scope: MysqlScope, isMariaDb: boolean): SqlFragment {
  if (isMariaDb) {
    const cc = relationFilter("cc", scope, "CONSTRAINT_SCHEMA");
    return {
      sql: `SELECT cc.CONSTRAINT_SCHEMA AS schema_name, cc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS constraint_name,
                   cc.CHECK_CLAUSE AS check_clause, cc.LEVEL AS level
              FROM information_schema.CHECK_CONSTRAINTS AS cc
             WHERE ${cc.sql}
             ORDER BY cc.CONSTRAINT_SCHEMA, cc.TABLE_NAME, cc.CONSTRAINT_NAME`,
      params: cc.params,
    };
  }
  const f = relationFilter("tc", scope);
  return {
    sql: `SELECT tc.TABLE_SCHEMA AS schema_name, tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS constraint_name,
                 cc.CHECK_CLAUSE AS check_clause, 'Table' AS level
            FROM information_schema.TABLE_CONSTRAINTS AS tc
            JOIN information_schema.CHECK_CONSTRAINTS AS cc
              ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
           WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND ${f.sql}
           ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME`,
    params: f.params,
  };
}

/** Views with their definitions as the server stores them. */
/** The stored definition of the view canonicalViewDefinition creates in the current database. */
export const MYSQL_VIEW_PROBE_QUERY = `SELECT TABLE_SCHEMA AS schema_name, VIEW_DEFINITION AS definition
  FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`;

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

/*
 * The information_schema queries of MySQL / MariaDB reflection: a fixed number per reflect call
 * whatever the number of tables (each filtered by schema and table name in SQL, never one
 * query per table, and never SQL text that grows with the number of tables).
 */
import { namedRows } from "../named-row";

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
 * One SELECT of the catalog statement: the fields of its rows (output name → SQL expression),
 * the rest of it (FROM, WHERE) with its parameters, and how its rows are ordered: up to three
 * text keys, then a number.
 */
export interface CatalogSelect {
  readonly fields: Readonly<Record<string, string>>;
  readonly from: string;
  readonly params: unknown[];
  readonly orderText: readonly string[];
  readonly orderNumber?: string;
}

/**
 * The server (to tell MariaDB from MySQL), the current database, the default storage engine,
 * and the default charset and collation of each schema in scope (one row per schema, or one
 * row of server facts only when none exists).
 */
export function mysqlServerSelect(scope: MysqlScope): CatalogSelect {
  const schema = schemaFilter("s.SCHEMA_NAME", scope);
  return {
    fields: {
      current_schema: "DATABASE()",
      server_version: "VERSION()",
      default_engine: "@@default_storage_engine",
      schema_name: "s.SCHEMA_NAME",
      charset: "s.DEFAULT_CHARACTER_SET_NAME",
      collation_name: "s.DEFAULT_COLLATION_NAME",
    },
    from: `FROM (SELECT 1 AS one) AS server
            LEFT JOIN information_schema.SCHEMATA AS s ON ${schema.sql}`,
    params: schema.params,
    orderText: ["s.SCHEMA_NAME"],
  };
}

/**
 * Base tables with engine, collation, comment, and the charset the collation belongs to with
 * that charset's default collation. A collation name starts with its charset's name, and no
 * charset name contains `_` (https://mariadb.com/kb/en/supported-character-sets-and-collations/).
 */
export function mysqlTablesSelect(scope: MysqlScope): CatalogSelect {
  const f = relationFilter("t", scope);
  return {
    fields: {
      schema_name: "t.TABLE_SCHEMA",
      table_name: "t.TABLE_NAME",
      engine: "t.ENGINE",
      collation_name: "t.TABLE_COLLATION",
      charset: "cs.CHARACTER_SET_NAME",
      charset_default_collation: "cs.DEFAULT_COLLATE_NAME",
      table_comment: "t.TABLE_COMMENT",
    },
    from: `FROM information_schema.TABLES AS t
            LEFT JOIN ${CHARACTER_SETS} AS cs
              ON cs.CHARACTER_SET_NAME = SUBSTRING_INDEX(t.TABLE_COLLATION, '_', 1)
           WHERE t.TABLE_TYPE = 'BASE TABLE' AND ${f.sql}`,
    params: f.params,
    orderText: ["t.TABLE_SCHEMA", "t.TABLE_NAME"],
  };
}

/** Columns in ordinal order, with the default collation of each column's charset. */
export function mysqlColumnsSelect(scope: MysqlScope): CatalogSelect {
  const f = relationFilter("c", scope);
  return {
    fields: {
      schema_name: "c.TABLE_SCHEMA",
      table_name: "c.TABLE_NAME",
      ordinal: "c.ORDINAL_POSITION",
      column_name: "c.COLUMN_NAME",
      column_type: "c.COLUMN_TYPE",
      is_nullable: "c.IS_NULLABLE",
      column_default: "c.COLUMN_DEFAULT",
      extra: "c.EXTRA",
      generation_expression: "c.GENERATION_EXPRESSION",
      charset: "c.CHARACTER_SET_NAME",
      collation_name: "c.COLLATION_NAME",
      charset_default_collation: "cs.DEFAULT_COLLATE_NAME",
      column_comment: "c.COLUMN_COMMENT",
    },
    from: `FROM information_schema.COLUMNS AS c
            LEFT JOIN ${CHARACTER_SETS} AS cs ON cs.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME
           WHERE ${f.sql}`,
    params: f.params,
    orderText: ["c.TABLE_SCHEMA", "c.TABLE_NAME"],
    orderNumber: "c.ORDINAL_POSITION",
  };
}

/**
 * One row per index element. `hasExpressionColumn`: MySQL 8.0.13+ reports functional key
 * parts in STATISTICS.EXPRESSION; MariaDB has no such column (nor functional indexes).
 */
export function mysqlIndexesSelect(scope: MysqlScope, hasExpressionColumn: boolean): CatalogSelect {
  const f = relationFilter("s", scope);
  return {
    fields: {
      schema_name: "s.TABLE_SCHEMA",
      table_name: "s.TABLE_NAME",
      index_name: "s.INDEX_NAME",
      non_unique: "s.NON_UNIQUE",
      position: "s.SEQ_IN_INDEX",
      column_name: "s.COLUMN_NAME",
      sub_part: "s.SUB_PART",
      sort_order: "s.COLLATION",
      index_type: "s.INDEX_TYPE",
      expression: hasExpressionColumn ? "s.EXPRESSION" : "NULL",
    },
    from: `FROM information_schema.STATISTICS AS s
           WHERE ${f.sql}`,
    params: f.params,
    orderText: ["s.TABLE_SCHEMA", "s.TABLE_NAME", "s.INDEX_NAME"],
    orderNumber: "s.SEQ_IN_INDEX",
  };
}

/**
 * Primary and foreign keys, one row per column (unique keys come from STATISTICS), followed in
 * the same result by one `RULES` row per foreign key with its ON UPDATE / ON DELETE rules (two
 * selects of one part, ordered together). The introspector pairs them by name: a JOIN of
 * KEY_COLUMN_USAGE with TABLE_CONSTRAINTS or REFERENTIAL_CONSTRAINTS takes MariaDB seconds at
 * 1,000 tables, each view alone milliseconds.
 */
export function mysqlKeysSelects(scope: MysqlScope): CatalogSelect[] {
  const k = relationFilter("k", scope);
  const rc = relationFilter("rc", scope, "CONSTRAINT_SCHEMA");
  return [
    {
      fields: {
        schema_name: "k.TABLE_SCHEMA",
        table_name: "k.TABLE_NAME",
        constraint_name: "k.CONSTRAINT_NAME",
        constraint_type: "IF(k.CONSTRAINT_NAME = 'PRIMARY', 'PRIMARY KEY', 'FOREIGN KEY')",
        column_name: "k.COLUMN_NAME",
        position: "k.ORDINAL_POSITION",
        ref_schema: "k.REFERENCED_TABLE_SCHEMA",
        ref_table: "k.REFERENCED_TABLE_NAME",
        ref_column: "k.REFERENCED_COLUMN_NAME",
        update_rule: "NULL",
        delete_rule: "NULL",
      },
      from: `FROM information_schema.KEY_COLUMN_USAGE AS k
           WHERE (k.CONSTRAINT_NAME = 'PRIMARY' OR k.REFERENCED_TABLE_NAME IS NOT NULL) AND ${k.sql}`,
      params: k.params,
      orderText: ["k.TABLE_SCHEMA", "k.TABLE_NAME", "k.CONSTRAINT_NAME"],
      orderNumber: "k.ORDINAL_POSITION",
    },
    {
      fields: {
        schema_name: "rc.CONSTRAINT_SCHEMA",
        table_name: "rc.TABLE_NAME",
        constraint_name: "rc.CONSTRAINT_NAME",
        constraint_type: "'RULES'",
        column_name: "NULL",
        position: "NULL",
        ref_schema: "NULL",
        ref_table: "NULL",
        ref_column: "NULL",
        update_rule: "rc.UPDATE_RULE",
        delete_rule: "rc.DELETE_RULE",
      },
      from: `FROM information_schema.REFERENTIAL_CONSTRAINTS AS rc
           WHERE ${rc.sql}`,
      params: rc.params,
      orderText: ["rc.CONSTRAINT_SCHEMA", "rc.TABLE_NAME", "rc.CONSTRAINT_NAME"],
    },
  ];
}

/**
 * CHECK constraints. MariaDB scopes check names per table and reports the table (and the
 * LEVEL: `Column` for a check written on a column) in CHECK_CONSTRAINTS, which is read alone
 * (a join with TABLE_CONSTRAINTS is slow there); MySQL scopes them per schema and needs
 * TABLE_CONSTRAINTS for the table.
 */
export function mysqlChecksSelect(scope: MysqlScope, isMariaDb: boolean): CatalogSelect {
  if (isMariaDb) {
    const cc = relationFilter("cc", scope, "CONSTRAINT_SCHEMA");
    return {
      fields: {
        schema_name: "cc.CONSTRAINT_SCHEMA",
        table_name: "cc.TABLE_NAME",
        constraint_name: "cc.CONSTRAINT_NAME",
        check_clause: "cc.CHECK_CLAUSE",
        level: "cc.LEVEL",
      },
      from: `FROM information_schema.CHECK_CONSTRAINTS AS cc
             WHERE ${cc.sql}`,
      params: cc.params,
      orderText: ["cc.CONSTRAINT_SCHEMA", "cc.TABLE_NAME", "cc.CONSTRAINT_NAME"],
    };
  }
  const f = relationFilter("tc", scope);
  return {
    fields: {
      schema_name: "tc.TABLE_SCHEMA",
      table_name: "tc.TABLE_NAME",
      constraint_name: "tc.CONSTRAINT_NAME",
      check_clause: "cc.CHECK_CLAUSE",
      level: "'Table'",
    },
    from: `FROM information_schema.TABLE_CONSTRAINTS AS tc
            JOIN information_schema.CHECK_CONSTRAINTS AS cc
              ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
           WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND ${f.sql}`,
    params: f.params,
    orderText: ["tc.TABLE_SCHEMA", "tc.TABLE_NAME", "tc.CONSTRAINT_NAME"],
  };
}

/** The stored definition of the view canonicalViewDefinition creates in the current database. */
export const MYSQL_VIEW_PROBE_QUERY = `SELECT TABLE_SCHEMA AS schema_name, VIEW_DEFINITION AS definition
  FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`;

/** Views with their definitions as the server stores them. */
export function mysqlViewsSelect(scope: MysqlScope): CatalogSelect {
  const f = relationFilter("v", scope);
  return {
    fields: { schema_name: "v.TABLE_SCHEMA", view_name: "v.TABLE_NAME", definition: "v.VIEW_DEFINITION" },
    from: `FROM information_schema.VIEWS AS v
           WHERE ${f.sql}`,
    params: f.params,
    orderText: ["v.TABLE_SCHEMA", "v.TABLE_NAME"],
  };
}

/** How many text sort keys a CatalogSelect may have. */
const TEXT_KEYS = 3;

/** A catalog row as the server sends it: the index of its part, and its values in the part's field order (JSON). */
export interface RawMysqlCatalogRow {
  readonly part: number;
  readonly data: string | unknown[];
}

/**
 * Several parts' selects as ONE statement (UNION ALL), so that the server computes them all in
 * one round trip: mysql2 sends a queued query only after the previous result was handled,
 * which waits while the event loop is busy (building the model). Each row is `part` (the index
 * of its part in `parts`) and `data`: the values of the part's fields as a JSON array, so that
 * parts of different columns share one result (an array rather than an object: half the bytes,
 * which the client has to read once the model is built). The selects of one part list the same
 * fields in the same order. The sort keys are compared as bytes: the views' collations differ
 * (MySQL 8 refuses to mix them in a UNION), and rows are grouped by exact name anyway.
 *
 * `groupByTable` (MariaDB): the rows of each select and table come as ONE row, a JSON array of
 * their arrays in order (GROUP_CONCAT, its length limit lifted for this statement only):
 * about a quarter of the rows, each of which the driver handles on its own. Each select groups
 * its own rows, and the union is neither grouped nor ordered again: grouping the union instead
 * made MariaDB copy every row into a temporary table first, about 90 ms more on the server at
 * 2,000 tables (0.45 s against 0.36 s). The rows of one table may then come in two rows of a
 * part (a part of two selects), and tables in any order: rowsOf and the introspector, which
 * groups rows by table and sorts the schema, do not mind. MySQL keeps one row per element,
 * ordered: its statement-scoped setting (the SET_VAR hint) is not in every version autogen talks
 * to, and GROUP_CONCAT cut at the default 1,024 bytes would lose rows.
 *
 * `rowsOf` turns the answer back into one list of row objects per part.
 */
export function mysqlCatalogStatement(
  parts: readonly (readonly CatalogSelect[])[],
  o: { readonly groupByTable?: boolean } = {},
): SqlFragment & { rowsOf(answer: readonly RawMysqlCatalogRow[]): Record<string, unknown>[][] } {
  const grouped = o.groupByTable === true;
  const selects = parts.flatMap((selects, part) =>
    selects.map((s) => {
      const text = Array.from({ length: TEXT_KEYS }, (_, i) => `CAST(${s.orderText[i] ?? "NULL"} AS BINARY)`);
      const data = `JSON_ARRAY(${Object.values(s.fields).join(", ")})`;
      if (grouped) {
        // The first two keys are schema and table in every part; the rest orders rows within a table.
        const within = [...text.slice(2), ...(s.orderNumber ? [s.orderNumber] : [])];
        return {
          sql: `SELECT ${part} AS part, CONCAT('[', GROUP_CONCAT(${data} ORDER BY ${within.join(", ")} SEPARATOR ','), ']') AS data
            ${s.from}
           GROUP BY ${text[0]}, ${text[1]}`,
          params: s.params,
        };
      }
      return {
        sql: `SELECT ${part} AS part, ${text.map((t, i) => `${t} AS k${i}`).join(", ")}, ${s.orderNumber ?? "NULL"} AS n,
                 ${data} AS data
            ${s.from}`,
        params: s.params,
      };
    }),
  );
  const makers = parts.map((selects) => namedRows<Record<string, unknown>>(Object.keys(selects[0]?.fields ?? {})));
  const union = selects.map((s) => s.sql).join("\n          UNION ALL\n          ");
  const keys = Array.from({ length: TEXT_KEYS }, (_, i) => `k${i}`);
  const sql = grouped
    ? `SET STATEMENT group_concat_max_len = 4294967295 FOR
          ${union}`
    : `SELECT part, data FROM (
          ${union}
        ) AS catalog
         ORDER BY part, ${keys.join(", ")}, n`;
  return {
    sql,
    params: selects.flatMap((s) => s.params),
    rowsOf(answer) {
      const byPart = parts.map((): Record<string, unknown>[] => []);
      for (const r of answer) {
        // MySQL types JSON_ARRAY as json (mysql2 parses it); MariaDB as text.
        const values = typeof r.data === "string" ? (JSON.parse(r.data) as unknown[]) : r.data;
        const rows = byPart[r.part]!;
        const row = makers[r.part]!;
        if (grouped) for (const v of values as unknown[][]) rows.push(row(v));
        else rows.push(row(values));
      }
      return byPart;
    },
  };
}

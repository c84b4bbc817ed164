/*
 * The pg_catalog queries of PostgreSQL reflection: one per object class, each filtered by
 * schema in SQL, all sent as ONE statement (POSTGRES_CATALOG_QUERY), so the number of
 * statements does not grow with tables or columns, and the server computes every result while
 * the client does other work (the model build) instead of waiting for the next query to be sent.
 */
import { namedRows } from "../named-row";

/**
 * `<column>` is one of the requested schemas, a parameter in which NULL stands for the current
 * schema (resolved here, in the same statement). Without a search_path there is no current
 * schema: NULL stays NULL and matches nothing.
 */
const inSchemas = (column: string) => `${column} = ANY(array_replace(?::text[], NULL, current_schema()::text))`;

/**
 * The tables a reflect call covers, as a WHERE fragment over `c` (pg_class) and `n`
 * (pg_namespace). Parameters: requested schemas (see `inSchemas`), excluded table names, then
 * the table allow-list (null for all). Relations that belong to an extension (e.g. PostGIS's spatial_ref_sys) are
 * the extension's business, not the application's.
 */
const relationFilter = `${inSchemas("n.nspname")}
   AND NOT (c.relname = ANY(?::text[]))
   AND (?::text[] IS NULL OR c.relname = ANY(?::text[]))
   AND NOT EXISTS (SELECT 1 FROM pg_depend AS e
                    WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')`;

/** Ordinary and partitioned tables; partitions are reflected through their parent only. */
const isTable = `c.relkind IN ('r', 'p') AND NOT c.relispartition`;

/** Application schemas: not PostgreSQL's own (pg_*, information_schema), not an extension's. */
export const POSTGRES_SCHEMA_NAMES_QUERY = `
SELECT n.nspname::text AS schema_name
  FROM pg_namespace AS n
 WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
   AND NOT EXISTS (SELECT 1 FROM pg_depend AS e
                    WHERE e.classid = 'pg_namespace'::regclass AND e.objid = n.oid AND e.deptype = 'e')
 ORDER BY 1`;

/** One result set of the catalog statement: an unordered SELECT, and the output columns that order its rows. */
interface CatalogPart {
  readonly select: string;
  readonly orderBy: readonly string[];
  /** The values of the select's `?` placeholders, in order (default: those of `relationFilter`). */
  readonly params?: (scope: CatalogScope) => unknown[];
}

/**
 * What one reflect call covers: `schemas` to reflect (null for the current one; see
 * `inSchemas`), table names left out, and the table allow-list (undefined for all).
 */
export interface CatalogScope {
  readonly schemas: readonly (string | null)[];
  readonly excluded: readonly string[];
  readonly tables: readonly string[] | undefined;
}

/** The parameters of `relationFilter`, in order. */
function relationFilterParams(s: CatalogScope): unknown[] {
  const only = s.tables ? [...s.tables] : null;
  return [[...s.schemas], [...s.excluded], only, only];
}

/**
 * A column's default (or generated expression) as PostgreSQL deparses it, over `pg_attrdef AS ad`
 * and `pg_attribute AS a`. A default is deparsed without its table (relation 0): a DEFAULT cannot
 * refer to a column, and naming the table makes pg_get_expr open it, which a new session pays for
 * every table. A generated column's expression refers to columns, so it names its table.
 */
export const POSTGRES_DEFAULT_TEXT = `pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END)`;

const TABLES: CatalogPart = {
  orderBy: ["schema_name", "table_name"],
  select: `
SELECT n.nspname::text AS schema_name, c.relname::text AS table_name,
       obj_description(c.oid, 'pg_class') AS table_comment
  FROM pg_class AS c
  JOIN pg_namespace AS n ON n.oid = c.relnamespace
 WHERE ${isTable} AND ${relationFilter}`,
};

/**
 * Columns with their formatted type, default, identity (with its sequence's start, increment
 * and type; a serial's sequence type too), generation, collation when it differs from the type's,
 * comment, and the sequence the column owns (`owned_sequence`, as `::regclass` prints it, which
 * tells a serial: its default is nextval() of it). The sequence comes from pg_depend: `a` (auto)
 * links a serial's sequence, `i` (internal) an identity's. Sequences and comments are joined as
 * whole sets (hash joins), not looked up per column, which costs about three times as much.
 */
const COLUMNS: CatalogPart = {
  orderBy: ["schema_name", "table_name", "ordinal"],
  select: `
SELECT n.nspname::text AS schema_name, c.relname::text AS table_name, a.attnum AS ordinal,
       a.attname::text AS column_name, format_type(a.atttypid, a.atttypmod) AS column_type,
       a.attnotnull AS not_null, ${POSTGRES_DEFAULT_TEXT} AS default_expr,
       a.attidentity::text AS identity_kind, a.attgenerated::text AS generated_kind,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname::text END AS collation_name,
       dsc.description AS column_comment,
       sq.seqstart::text AS sequence_start, sq.seqincrement::text AS sequence_increment,
       format_type(sq.seqtypid, NULL) AS sequence_type, owned.oid::regclass::text AS owned_sequence
  FROM pg_attribute AS a
  JOIN pg_class AS c ON c.oid = a.attrelid
  JOIN pg_namespace AS n ON n.oid = c.relnamespace
  JOIN pg_type AS t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef AS ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_collation AS co ON co.oid = a.attcollation
  LEFT JOIN pg_description AS dsc
         ON dsc.objoid = c.oid AND dsc.classoid = 'pg_class'::regclass AND dsc.objsubid = a.attnum
  LEFT JOIN (
        SELECT DISTINCT ON (d.refobjid, d.refobjsubid) d.refobjid, d.refobjsubid, s.oid
          FROM pg_depend AS d JOIN pg_class AS s ON s.oid = d.objid AND s.relkind = 'S'
         WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
         ORDER BY d.refobjid, d.refobjsubid, s.oid) AS owned ON owned.refobjid = c.oid AND owned.refobjsubid = a.attnum
  LEFT JOIN pg_sequence AS sq ON sq.seqrelid = owned.oid
 WHERE a.attnum > 0 AND NOT a.attisdropped AND ${isTable} AND ${relationFilter}`,
};

/**
 * Primary keys, unique, foreign key, check and exclusion constraints. Column lists keep the
 * constraint's order (conkey WITH ORDINALITY), unlike `attnum = ANY(conkey)`. The definition
 * text only for the kinds read from it (unique: NULLS NOT DISTINCT; exclusion): deparsing every
 * primary and foreign key cost a fifth of the constraints' time.
 */
const CONSTRAINTS: CatalogPart = {
  orderBy: ["schema_name", "table_name", "constraint_name"],
  select: `
SELECT n.nspname::text AS schema_name, c.relname::text AS table_name, con.conname::text AS constraint_name,
       con.contype::text AS constraint_type,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute AS a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS column_names,
       rn.nspname::text AS ref_schema, rc.relname::text AS ref_table,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute AS a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_column_names,
       con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
       con.condeferrable AS is_deferrable, con.condeferred AS is_deferred,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) END AS check_expr,
       CASE WHEN con.contype NOT IN ('p', 'f', 'c') THEN pg_get_constraintdef(con.oid, true) END AS definition
  FROM pg_constraint AS con
  JOIN pg_class AS c ON c.oid = con.conrelid
  JOIN pg_namespace AS n ON n.oid = c.relnamespace
  LEFT JOIN pg_class AS rc ON rc.oid = con.confrelid
  LEFT JOIN pg_namespace AS rn ON rn.oid = rc.relnamespace
 WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND ${isTable} AND ${relationFilter}`,
};

/**
 * One row per index element (key columns, then INCLUDE columns), for the indexes that do not
 * back a primary key, unique or exclusion constraint of the same table. indkey, indoption and
 * indclass are 0-based vectors; pg_get_indexdef(oid, n, true) gives element n's text, asked
 * only for an expression (indkey 0): a column element is read by its name, and deparsing each
 * element took a third of the indexes' time.
 */
const INDEXES: CatalogPart = {
  orderBy: ["schema_name", "table_name", "index_name", "position"],
  select: `
SELECT n.nspname::text AS schema_name, c.relname::text AS table_name, ic.relname::text AS index_name,
       i.indisunique AS is_unique, i.indnullsnotdistinct AS nulls_not_distinct, am.amname::text AS access_method,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       k.n AS position, k.n > i.indnkeyatts AS is_included,
       CASE WHEN i.indkey[k.n - 1] <> 0 THEN a.attname::text END AS column_name,
       CASE WHEN i.indkey[k.n - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.n, true) END AS element_text,
       i.indoption[k.n - 1]::int AS options,
       opc.opcname::text AS opclass, COALESCE(opc.opcdefault, true) AS opclass_is_default
  FROM pg_index AS i
  JOIN pg_class AS ic ON ic.oid = i.indexrelid
  JOIN pg_class AS c ON c.oid = i.indrelid
  JOIN pg_namespace AS n ON n.oid = c.relnamespace
  JOIN pg_am AS am ON am.oid = ic.relam
  CROSS JOIN LATERAL generate_series(1, i.indnatts) AS k(n)
  LEFT JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
  LEFT JOIN pg_opclass AS opc ON opc.oid = i.indclass[k.n - 1] AND k.n <= i.indnkeyatts
 WHERE ${isTable} AND ${relationFilter}
   AND NOT EXISTS (SELECT 1 FROM pg_constraint AS con
                    WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))`,
};

/**
 * Enum types with their labels in enumsortorder. With a table allow-list, only the enums those
 * tables' columns use (directly or as arrays). Parameters: requested schemas, then the
 * allow-list (or null) twice and the requested schemas again.
 */
const ENUMS: CatalogPart = {
  orderBy: ["schema_name", "enum_name"],
  params: (s) => {
    const only = s.tables ? [...s.tables] : null;
    return [[...s.schemas], only, only, [...s.schemas]];
  },
  select: `
SELECT n.nspname::text AS schema_name, t.typname::text AS enum_name,
       array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
  FROM pg_type AS t
  JOIN pg_namespace AS n ON n.oid = t.typnamespace
  JOIN pg_enum AS e ON e.enumtypid = t.oid
 WHERE ${inSchemas("n.nspname")}
   AND NOT EXISTS (SELECT 1 FROM pg_depend AS x WHERE x.classid = 'pg_type'::regclass AND x.objid = t.oid AND x.deptype = 'e')
   AND (?::text[] IS NULL OR EXISTS (
         SELECT 1 FROM pg_attribute AS a
           JOIN pg_class AS c ON c.oid = a.attrelid
           JOIN pg_namespace AS cn ON cn.oid = c.relnamespace
           JOIN pg_type AS at ON at.oid = a.atttypid
          WHERE c.relname = ANY(?::text[]) AND ${inSchemas("cn.nspname")} AND a.attnum > 0 AND NOT a.attisdropped
            AND (at.oid = t.oid OR at.typelem = t.oid)))
 GROUP BY 1, 2`,
};

/** Views and materialized views with their definitions as PostgreSQL prints them. */
const VIEWS: CatalogPart = {
  orderBy: ["schema_name", "view_name"],
  select: `
SELECT n.nspname::text AS schema_name, c.relname::text AS view_name, c.relkind::text AS relkind,
       pg_get_viewdef(c.oid, true) AS definition
  FROM pg_class AS c
  JOIN pg_namespace AS n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('v', 'm') AND ${relationFilter}`,
};

/**
 * The names a part's SELECT gives its output columns, in order: the `AS name` that ends each
 * item of its select list (the items before the first FROM outside parentheses).
 * @throws Error when an item has no `AS name` (a part written wrong)
 */
function outputNames(select: string): string[] {
  const list = select.trim().replace(/^SELECT\s+/i, "");
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && c === ",") {
      items.push(list.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && /^\sFROM\s/i.test(list.slice(i, i + 6))) {
      items.push(list.slice(start, i));
      break;
    }
  }
  return items.map((item) => {
    const name = /\bAS\s+(\w+)\s*$/i.exec(item.trim())?.[1];
    if (!name) throw new Error(`A catalog select item without AS name: ${item.trim()}`);
    return name;
  });
}

/**
 * A part as one column: its rows as a JSON array (as text), in the part's order, each row the
 * array of its values in the select's order (`[]` when it has none). Arrays rather than objects:
 * the keys made most of the text (5.3 MB of objects, 1.9 MB of arrays at 1,000 tables), which the
 * server writes and the client receives and parses (a new session's statement 0.42 -> 0.29 s).
 * {@link catalogRows} names the values again.
 */
function jsonColumn(name: string, part: CatalogPart): string {
  const order = part.orderBy.map((k) => `r.${k}`).join(", ");
  const values = outputNames(part.select).map((f) => `r.${f}`);
  return `(SELECT COALESCE(json_agg(json_build_array(${values.join(", ")}) ORDER BY ${order}), '[]')::text FROM (${part.select}) AS r) AS ${name}`;
}

/** The result sets of POSTGRES_CATALOG_QUERY, in the order their parameters come. */
const PARTS = {
  tables: TABLES,
  columns: COLUMNS,
  constraints: CONSTRAINTS,
  indexes: INDEXES,
  enums: ENUMS,
  views: VIEWS,
};

/**
 * Everything one reflect call reads, in one statement: the current schema, which of the
 * requested schemas exist, then each catalog part as a JSON array of its rows (text, parsed by
 * the introspector), in the part's order. One round trip: pg sends a queued query only after the
 * previous result was handled, which waits while the event loop is busy (building the model).
 * Parameters: see postgresCatalogParams.
 */
export const POSTGRES_CATALOG_QUERY = `
SELECT current_schema()::text AS current_schema,
       ARRAY(SELECT nspname::text FROM pg_namespace WHERE nspname = ANY(?::text[]) ORDER BY 1) AS existing_schemas,
${Object.entries(PARTS)
  .map(([name, part]) => `       ${jsonColumn(name, part)}`)
  .join(",\n")}`;

/** What POSTGRES_CATALOG_QUERY answers: one row, each part a JSON array of that part's rows (see catalogRows). */
export type RawPostgresCatalogRow = { current_schema: string | null; existing_schemas: string[] } & Record<
  keyof typeof PARTS,
  string
>;

/** Each part's output names, in the order of the values of its rows. */
const PART_NAMES = Object.fromEntries(
  Object.entries(PARTS).map(([name, part]) => [name, outputNames(part.select)]),
) as Record<keyof typeof PARTS, string[]>;

/** The rows of one part of POSTGRES_CATALOG_QUERY's answer, as objects keyed by the part's output names. */
export function catalogRows<R>(answer: RawPostgresCatalogRow, part: keyof typeof PARTS): R[] {
  const row = namedRows<R>(PART_NAMES[part]);
  return (JSON.parse(answer[part]) as unknown[][]).map((values) => row(values));
}

/**
 * The parameters of POSTGRES_CATALOG_QUERY, in order: `named` are the named schemas whose
 * existence is reported (null for none), then each part's.
 */
export function postgresCatalogParams(named: readonly string[] | null, scope: CatalogScope): unknown[] {
  return [named && [...named], ...Object.values(PARTS).flatMap((p) => (p.params ?? relationFilterParams)(scope))];
}

/** The deparsed definition of the temporary view that canonicalViewDefinition creates (same function and flags as the views query). */
export const POSTGRES_VIEW_PROBE_QUERY = `SELECT pg_get_viewdef('pg_temp.autogen_view_probe'::regclass, true) AS definition`;

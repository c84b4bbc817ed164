import { canonicalExpressionText, splitQuoted } from "../canonical-text";

/**
 * Keywords PostgreSQL's deparser (`quote_identifier`) still quotes when they are used as names:
 * the reserved, column-name and type/function-name categories of src/include/parser/kwlist.h
 * (https://www.postgresql.org/docs/current/sql-keywords-appendix.html). Unreserved keywords are
 * printed bare.
 */
const QUOTED_KEYWORDS: ReadonlySet<string> = new Set(
  // reserved
  (
    "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create " +
    "current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc " +
    "distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral " +
    "leading limit localtime localtimestamp not null offset on only or order placing primary references returning " +
    "select session_user some symmetric system_user table then to trailing true union unique user using variadic when " +
    "where window with " +
    // column names
    "between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping inout int " +
    "integer interval json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar " +
    "json_serialize json_table json_value least merge_action national nchar none normalize nullif numeric out overlay " +
    "position precision real row setof smallint substring time timestamp treat trim values varchar xmlattributes " +
    "xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable " +
    // type and function names
    "authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like " +
    "natural notnull outer overlaps right similar tablesample verbose"
  ).split(" "),
);

/**
 * A CHECK, index WHERE or generation expression in PostgreSQL's canonical form: the shared text
 * rules, plus identifiers quoted only where PostgreSQL's own deparser quotes them. The catalog
 * prints `price >= 0` for what TypeORM writes as `"price" >= 0`; both mean the same column.
 */
export function canonicalPostgresExpression(raw: string): string {
  const segments = splitQuoted(canonicalExpressionText(raw));
  return segments
    .map((s, i) => {
      if (!s.quoted || !s.text.startsWith('"')) return s.text;
      const name = s.text.slice(1, -1);
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) return s.text;
      // A keyword is quoted as a name, but not as the function it names: the deparser prints
      // `"substring"('name'::text, 1, 3)` for what was written `substring('name', 1, 3)`.
      const isCall = segments[i + 1]?.quoted === false && segments[i + 1]?.text.startsWith("(");
      return !QUOTED_KEYWORDS.has(name) || isCall ? name : s.text;
    })
    .join("");
}

import { canonicalExpressionText, splitQuoted } from "../canonical-text";

/**
 * Reserved words of MariaDB (https://mariadb.com/kb/en/reserved-words/) and MySQL 8
 * (https://dev.mysql.com/doc/refman/8.0/en/keywords.html, the ones marked (R)): as names they
 * must stay quoted, so the canonical form keeps their backticks.
 */
const RESERVED: ReadonlySet<string> = new Set(
  (
    "accessible add all alter analyze and as asc asensitive before between bigint binary blob both by call cascade case " +
    "change char character check collate column condition constraint continue convert create cross cube cume_dist " +
    "current_date current_role current_time current_timestamp current_user cursor database databases day_hour " +
    "day_microsecond day_minute day_second dec decimal declare default delayed delete delete_domain_id dense_rank desc " +
    "describe deterministic distinct distinctrow div do_domain_ids double drop dual each else elseif empty enclosed " +
    "escaped except exists exit explain false fetch first_value float float4 float8 for force foreign from fulltext " +
    "function general generated get grant group grouping groups having high_priority hour_microsecond hour_minute " +
    "hour_second if ignore ignore_domain_ids ignore_server_ids in index infile inner inout insensitive insert int int1 " +
    "int2 int3 int4 int8 integer intersect interval into io_after_gtids io_before_gtids is iterate join json_table key " +
    "keys kill lag last_value lateral lead leading leave left like limit linear lines load localtime localtimestamp " +
    "lock long longblob longtext loop low_priority master_bind master_heartbeat_period master_ssl_verify_server_cert " +
    "match maxvalue mediumblob mediumint mediumtext middleint minute_microsecond minute_second mod modifies natural not " +
    "no_write_to_binlog nth_value ntile null numeric of offset on optimize optimizer_costs option optionally or order " +
    "out outer outfile over page_checksum parse_vcol_expr partition percent_rank position precision primary procedure " +
    "purge range rank read reads read_write real recursive ref_system_id references regexp release rename repeat " +
    "replace require resignal restrict return returning revoke right rlike row rows row_number schema schemas " +
    "second_microsecond select sensitive separator set show signal slow smallint spatial specific sql sqlexception " +
    "sqlstate sqlwarning sql_big_result sql_calc_found_rows sql_small_result ssl starting stats_auto_recalc " +
    "stats_persistent stats_sample_pages stored straight_join system table terminated then tinyblob tinyint tinytext to " +
    "trailing trigger true undo union unique unlock unsigned update usage use using utc_date utc_time utc_timestamp " +
    "values varbinary varchar varcharacter varying virtual when where while window with write xor year_month zerofill"
  ).split(" "),
);

/**
 * Spellings the server rewrites in stored CHECK and generation expressions, each to the one
 * a user most likely wrote: MariaDB stores `UPPER(x)` as `ucase(x)`, `SUBSTRING` as `substr`,
 * `LENGTH` as `octet_length`, `NOT (x)` as `!(x)` and `!=` as `<>`.
 */
const SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/\bucase\(/g, "upper("],
  [/\blcase\(/g, "lower("],
  [/\bsubstring\(/g, "substr("],
  [/\boctet_length\(/g, "length("],
  [/\bcharacter_length\(/g, "char_length("],
  [/\bpower\(/g, "pow("],
  [/!=/g, "<>"],
  [/!(?=\()/g, "not "],
];

const canonicalSpellings = (plain: string): string => SYNONYMS.reduce((text, [re, to]) => text.replace(re, to), plain);

/**
 * A CHECK or generation expression in MySQL's canonical form: the shared text rules, function
 * and operator synonyms in one spelling, plus column names without backticks (lowercase: MySQL
 * column names are case-insensitive) unless they are reserved words or not plain names. The
 * server stores these expressions with every column backticked (`` `width` * 2 ``) whatever
 * the user wrote.
 */
export function canonicalMysqlExpression(raw: string): string {
  return splitQuoted(canonicalExpressionText(raw))
    .map((s) => {
      if (!s.quoted) return canonicalSpellings(s.text);
      if (!s.text.startsWith("`")) return s.text;
      const name = s.text.slice(1, -1).toLowerCase();
      return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : s.text;
    })
    .join("");
}

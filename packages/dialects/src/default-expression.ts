/**
 * True when a default is a literal or a datetime keyword that MySQL and SQLite accept bare after
 * DEFAULT; any other expression has to be wrapped in parentheses there
 * (https://www.sqlite.org/lang_createtable.html#dfltval,
 * https://dev.mysql.com/doc/refman/8.0/en/data-type-defaults.html).
 */
export function isBareDefault(expr: string): boolean {
  const e = expr.trim();
  return BARE_DEFAULT_PATTERNS.some((p) => p.test(e));
}

const BARE_DEFAULT_PATTERNS: readonly RegExp[] = [
  /^'(?:[^']|'')*'$/s, // string literal
  /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i, // number
  /^(?:null|true|false)$/i,
  /^(?:current_timestamp|current_date|current_time|localtimestamp|localtime)(?:\(\d*\))?$/i,
  /^[xb]'[0-9a-f]*'$/i, // hex / bit literals
  /^0x[0-9a-f]+$/i,
  /^\(.*\)$/s, // already parenthesised
];

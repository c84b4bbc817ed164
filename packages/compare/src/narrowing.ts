/**
 * Whether a type change can lose data: a shorter string, a smaller integer, fewer numeric
 * digits. The rules are about canonical type text shared by the dialects (`varchar(50)`,
 * `int`, `numeric(10,2)`); a reviewer gets the warning as a comment above the alterColumn.
 */

interface ParsedType {
  readonly base: string;
  readonly args: readonly number[];
}

/** `character varying(50)` → { base: "character varying", args: [50] }; modifiers after the parens are ignored. */
export function parseType(type: string): ParsedType {
  const m = /^\s*([^(]*)(?:\(([^)]*)\))?\s*(.*)$/.exec(type.toLowerCase());
  const base = (m?.[1] ?? type).trim();
  const args = (m?.[2] ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => /^\d+$/.test(a))
    .map(Number);
  return { base, args };
}

/** Integer widths by name, across the dialects' canonical spellings. */
const INTEGER_RANK: Readonly<Record<string, number>> = {
  tinyint: 1,
  smallint: 2,
  int2: 2,
  mediumint: 3,
  int: 4,
  integer: 4,
  int4: 4,
  bigint: 5,
  int8: 5,
};

/** Unbounded text types by capacity (MySQL's four sizes; PostgreSQL and SQLite `text` is the largest). */
const TEXT_RANK: Readonly<Record<string, number>> = { tinytext: 1, text: 4, mediumtext: 3, longtext: 4, clob: 4 };
const MYSQL_TEXT_RANK: Readonly<Record<string, number>> = { tinytext: 1, text: 2, mediumtext: 3, longtext: 4 };

/** Types whose single argument is a maximum length. */
const LENGTH_TYPES: ReadonlySet<string> = new Set([
  "varchar",
  "character varying",
  "char",
  "character",
  "nvarchar",
  "nchar",
  "varbinary",
  "binary",
  "bit varying",
  "varbit",
  "bit",
]);

/** Fixed-width types, for which no length means a length of 1 (not unbounded). */
const FIXED_WIDTH_TYPES: ReadonlySet<string> = new Set(["char", "character", "nchar", "binary", "bit"]);

const NUMERIC_TYPES: ReadonlySet<string> = new Set(["numeric", "decimal", "dec"]);
const FLOAT_RANK: Readonly<Record<string, number>> = {
  real: 1,
  float4: 1,
  float: 1,
  "double precision": 2,
  double: 2,
  float8: 2,
};

function narrows(from: ParsedType, to: ParsedType): boolean {
  const fi = INTEGER_RANK[from.base];
  const ti = INTEGER_RANK[to.base];
  if (fi !== undefined && ti !== undefined) return ti < fi;
  if (LENGTH_TYPES.has(from.base) && LENGTH_TYPES.has(to.base)) {
    const [fl] = from.args;
    const [tl] = to.args;
    // No length means unbounded (PostgreSQL varchar) except for char, which means char(1).
    if (tl === undefined) return false;
    if (fl === undefined) return FIXED_WIDTH_TYPES.has(from.base) ? tl < 1 : true;
    return tl < fl;
  }
  if (TEXT_RANK[from.base] !== undefined && LENGTH_TYPES.has(to.base)) return true;
  if (MYSQL_TEXT_RANK[from.base] !== undefined && MYSQL_TEXT_RANK[to.base] !== undefined) {
    return (MYSQL_TEXT_RANK[to.base] as number) < (MYSQL_TEXT_RANK[from.base] as number);
  }
  if (NUMERIC_TYPES.has(from.base) && NUMERIC_TYPES.has(to.base)) {
    const [fp, fs = 0] = from.args;
    const [tp, ts = 0] = to.args;
    if (tp === undefined) return false;
    if (fp === undefined) return true;
    return ts < fs || tp - ts < fp - fs;
  }
  if (NUMERIC_TYPES.has(from.base) && ti !== undefined) return true;
  const ff = FLOAT_RANK[from.base];
  const tf = FLOAT_RANK[to.base];
  if (ff !== undefined && tf !== undefined) return tf < ff;
  if (ff !== undefined && ti !== undefined) return true;
  return false;
}

/** The reviewer-facing warning for a narrowing type change, or null when the change cannot lose data by narrowing. */
export function narrowingWarning(table: string, column: string, from: string, to: string): string | null {
  if (!narrows(parseType(from), parseType(to))) return null;
  return `narrowing type change on ${table}.${column} from ${from} to ${to}: existing values may be truncated or rejected`;
}

const STRING_BASES: ReadonlySet<string> = new Set([
  "varchar",
  "character varying",
  "char",
  "character",
  "nvarchar",
  "nchar",
  "text",
  "tinytext",
  "mediumtext",
  "longtext",
  "clob",
]);

/**
 * The reviewer-facing warning for a change from a string type to a non-string one (varchar →
 * integer, text → uuid): every value is parsed, so one that does not parse makes the upgrade
 * fail. Null for any other change.
 */
export function conversionWarning(table: string, column: string, from: string, to: string): string | null {
  const f = parseType(from);
  const t = parseType(to);
  if (!STRING_BASES.has(f.base) || STRING_BASES.has(t.base) || /\[\]$/.test(from) || /\[\]$/.test(to)) return null;
  return `type change on ${table}.${column} from ${from} to ${to} converts every value: one that is not a valid ${to} makes the upgrade fail`;
}

/* Rows for a fuzz pair: values that satisfy the model before the change (v1) and, where the
 * column survives, the one after (v2) too: the shorter length, the enum values both keep, no
 * NULL where either forbids it, distinct values under every unique key of either version.
 * So an upgrade may fail only because of the change itself, never because of the data. */
import { Rng, type ColumnMenu, type ColumnOptions } from "../random-model";
import { joinColumnName, type ModelSpec, type TableSpec } from "./model-spec";

export type Row = Record<string, unknown>;

/** Rows per table: one with NULLs where allowed, two with values. */
const ROWS = 3;

const INTEGER = /^(int|integer|int2|int4|int8|tinyint|smallint|mediumint|bigint|serial|bigserial|smallserial)$/;
const FLOAT = /^(float|float4|float8|double|double precision|real)$/;
const DECIMAL = /^(decimal|numeric|dec|fixed)$/;
const STRING =
  /^(varchar|character varying|nvarchar|char|character|nchar|text|tinytext|mediumtext|longtext|citext|clob|string)$/;
const BYTES = /^(blob|tinyblob|mediumblob|longblob|bytea|binary|varbinary)$/;
const TEMPORAL: Record<string, (i: number) => string> = {
  date: (i) => `2021-01-0${i + 1}`,
  datetime: (i) => `2021-01-0${i + 1} 10:20:30`,
  timestamp: (i) => `2021-01-0${i + 1} 10:20:30`,
  timestamptz: (i) => `2021-01-0${i + 1} 10:20:30`,
  "timestamp with time zone": (i) => `2021-01-0${i + 1} 10:20:30`,
  "timestamp without time zone": (i) => `2021-01-0${i + 1} 10:20:30`,
  time: (i) => `10:20:3${i}`,
  "time without time zone": (i) => `10:20:3${i}`,
};

/** Where the `id` value of row `i` comes from. */
function idValue(c: ColumnOptions, table: number, i: number): unknown {
  return c["generated"] === "uuid" || c["type"] === "uuid"
    ? `00000000-0000-4000-8000-${String(table * 100 + i).padStart(12, "0")}`
    : i + 1;
}

/** The string length every version allows (undefined: unbounded). */
function maxLength(versions: ColumnOptions[]): number | undefined {
  const lengths = versions.map((c) => {
    const t = String(c["type"]).toLowerCase();
    if (c["length"] !== undefined) return Number(c["length"]);
    if (/^(char|character|nchar)$/.test(t)) return 1;
    if (t === "tinytext") return 255;
    return undefined;
  });
  const known = lengths.filter((n): n is number => n !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}

/**
 * A value of row `i` for a column as it is in every one of `versions` (v1, and v2 when the
 * column survives the change), or undefined to leave it out (its default or NULL). A type the
 * rules here do not know takes the dialect menu's value for v1 (`menu`).
 */
export function columnValue(versions: ColumnOptions[], i: number, menu?: ColumnMenu): unknown {
  const c = versions[0]!;
  if (c["asExpression"] !== undefined) return undefined;
  if (i === 0 && versions.every((v) => v["nullable"] === true)) return null;
  // Array columns (PostgreSQL) take the menu's arrays of element values; an empty array where
  // the element type changes (it fits both).
  if (versions.some((v) => v["array"])) {
    if (!versions.every((v) => v["array"])) return undefined;
    return versions.every((v) => v["type"] === c["type"]) ? menu?.value(new Rng(i + 1), c) : [];
  }
  const types = versions.map((v) => String(v["type"]).toLowerCase());
  const all = (re: RegExp) => types.every((t) => re.test(t));
  if (all(INTEGER)) return 3 + i;
  if (types.every((t) => INTEGER.test(t) || FLOAT.test(t) || DECIMAL.test(t))) {
    // A fraction only where every version keeps one (no integer, no decimal of scale 0).
    const fractional = versions.every((v, k) => FLOAT.test(types[k]!) || ((v["scale"] as number) ?? 0) > 0);
    return fractional ? `${i}.5` : 3 + i;
  }
  if (all(/^(boolean|bool)$/)) return i % 2;
  if (all(/^year$/)) return 2000 + i;
  if (all(/^uuid$/)) return `11111111-2222-4333-8444-${String(i).padStart(12, "0")}`;
  if (types.every((t) => t === "enum" || t === "set" || t === "simple-enum")) {
    const kept = versions
      .map((v) => (v["enum"] as string[] | undefined) ?? [])
      .reduce((a, b) => a.filter((x) => b.includes(x)));
    return kept.length > 0 ? kept[i % kept.length] : undefined;
  }
  // JSON text is a string too, so a JSON column changed to a string one keeps its value.
  const json = /^(json|jsonb|simple-json)$/;
  if (types.some((t) => json.test(t)) && types.every((t) => json.test(t) || STRING.test(t))) {
    const text = JSON.stringify({ k: i, s: "it's" });
    // A number is JSON too, and fits any length.
    return text.length > (maxLength(versions) ?? Infinity) ? String(i) : text;
  }
  if (all(/^simple-array$/)) return `a${i},b`;
  if (all(BYTES)) return Buffer.from([i, 1, 2].slice(0, Math.min(3, maxLength(versions) ?? 3)));
  if (types.every((t) => STRING.test(t) || INTEGER.test(t))) {
    // A number is a valid string too, so an integer column changed to a string one keeps its value.
    const s = types.some((t) => INTEGER.test(t)) ? String(3 + i) : `v${i}'s text`;
    const n = maxLength(versions);
    const one = types.some((t) => INTEGER.test(t)) ? String(i) : String.fromCharCode(97 + i);
    return n === undefined ? s : n === 1 ? one : s.slice(0, n);
  }
  const temporal = TEMPORAL[types[0]!];
  if (temporal && types.every((t) => TEMPORAL[t] !== undefined)) return temporal(i);
  return menu?.value(new Rng(i + 1), c);
}

/** The columns of a table in v2 that were `column` in v1 (renames followed), for `columnValue`. */
export type Counterpart = (table: string, column: string) => ColumnOptions | undefined;

/** The unique keys of a table: unique indexes and unique columns. */
export function uniqueKeys(t: TableSpec): string[][] {
  return [
    ...t.indices.filter((x) => x.unique).map((x) => x.columns),
    ...Object.entries(t.columns)
      .filter(([, c]) => c["unique"] === true)
      .map(([k]) => [k]),
    ...Object.entries(t.relations)
      .filter(([, r]) => r.type === "one-to-one")
      .map(([k]) => [joinColumnName(k)]),
  ];
}

/**
 * Rows for every table of `v1`, parents first. `v2Of` gives a column's options in v2 (undefined
 * when dropped) and `v2Keys` the unique keys v2 puts on a table (in v1's column names): a row
 * that would break a unique key of either version is left out.
 */
export function generateRows(
  v1: ModelSpec,
  v2Of: Counterpart,
  v2Keys: (table: string) => string[][],
  menu?: ColumnMenu,
): [string, Row[]][] {
  const ids = new Map<string, unknown[]>();
  return v1.tables.map((t, ti) => {
    const keys = [...uniqueKeys(t), ...v2Keys(t.name)];
    const rows: Row[] = [];
    for (let i = 0; i < ROWS; i++) {
      const row: Row = {};
      for (const [name, c] of Object.entries(t.columns)) {
        const value =
          name === "id" ? idValue(c, ti, i) : columnValue([c, ...[v2Of(t.name, name)].filter((x) => !!x)], i, menu);
        if (value !== undefined) row[name] = value;
      }
      for (const [name, r] of Object.entries(t.relations)) {
        const parents = ids.get(r.target) ?? [];
        row[joinColumnName(name)] = parents[r.type === "one-to-one" ? i : 0] ?? null;
      }
      // NULLs never clash; a column left out takes its default, the same in every row.
      const same = (a: unknown, b: unknown) => a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
      const clash = keys.some((k) => rows.some((other) => k.every((col) => same(row[col], other[col]))));
      if (!clash) rows.push(row);
    }
    ids.set(
      t.name,
      rows.map((r) => r["id"]),
    );
    return [t.name, rows];
  });
}

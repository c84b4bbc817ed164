/* The PostgreSQL column menu of the random-model suite: TypeORM's PostgreSQL column types
 * (aliases included), arrays, enum types, precisions, collations, comments, generated columns,
 * and the literal and function defaults people write. */
import { STRINGS, menuParts, type ColumnMenu, type ColumnOptions, type Rng, type ValueKind } from "../random-model";

const INTEGERS = ["smallint", "integer", "bigint"];
const ALIASES = ["int2", "int4", "int8", "int"];
const FLOATS = ["real", "double precision", "float4", "float8"];
const STRINGY = ["character varying", "varchar", "character", "char", "text"];
const SIZED = ["character varying", "varchar", "character", "char"];
/** PostgreSQL types whose values are written as string literals, with some such literals. */
const LITERALS: Record<string, readonly string[]> = {
  interval: ["1 day", "02:00:00", "1 year 2 mons"],
  inet: ["127.0.0.1", "10.0.0.0/8", "::1"],
  cidr: ["10.0.0.0/8", "192.168.0.0/16"],
  macaddr: ["08:00:2b:01:02:03"],
  money: ["12.50", "0.00"],
  xml: ["<a/>", "<b>x</b>"],
  tsvector: ["'a' 'b'", "'word'"],
  point: ["(1,2)", "(0,0)"],
  timetz: ["12:00:00+00", "08:30:00+02"],
};
const KINDS: Record<string, ValueKind> = {
  ...Object.fromEntries([...INTEGERS, ...ALIASES].map((t) => [t, "integer"])),
  ...Object.fromEntries(FLOATS.map((t) => [t, "float"])),
  numeric: "decimal",
  decimal: "decimal",
  boolean: "boolean",
  ...Object.fromEntries(STRINGY.map((t) => [t, "string"])),
  ...Object.fromEntries(Object.keys(LITERALS).map((t) => [t, "string"])),
  bytea: "bytes",
  date: "date",
  time: "time",
  timestamp: "datetime",
  timestamptz: "datetime",
  "timestamp with time zone": "datetime",
  uuid: "uuid",
  json: "json",
  jsonb: "json",
  enum: "enum",
  "simple-enum": "enum",
  "simple-json": "simple-json",
  "simple-array": "simple-array",
};
const TYPES = Object.keys(KINDS);
const LENGTHS = [1, 10, 36, 50, 255];
const ENUMS = [
  ["a", "b"],
  ["x", "y", "z"],
  ["it's", "ok"],
];
/** Element types an array column is drawn from. */
const ARRAYS = ["integer", "text", "varchar", "uuid", "boolean", "enum"];
const quote = (name: string): string => `"${name}"`;

const parts = menuParts({
  kinds: KINDS,
  quote,
  literals: LITERALS,
  functions: () => ({
    date: ["CURRENT_DATE"],
    time: ["CURRENT_TIME", "LOCALTIME"],
    datetime: ["now()", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP"],
    uuid: ["gen_random_uuid()"],
    json: [`'{}'`, `'[1, 2]'`, `'{"a": "it''s"}'`],
  }),
  // PostgreSQL has no virtual generated columns (before 18), so STORED only.
  generated: { type: "integer", expression: (base) => `${base} + 1`, kinds: ["STORED"] },
  rules: {
    ladders: [INTEGERS, ["real", "double precision"]],
    sized: SIZED,
    lengths: LENGTHS,
    exact: ["numeric", "decimal"],
    precisions: [5, 8, 10, 12, 18],
    enums: ["enum", "simple-enum"],
    widenTo: {
      date: ["timestamp"],
      integer: ["bigint", "numeric", "text"],
      int4: ["bigint"],
      varchar: ["text"],
      "character varying": ["text"],
      enum: ["text", "simple-enum"],
      "simple-enum": ["enum"],
      uuid: ["text"],
    },
    // No text to number: the cast fails on text that is not a number.
    retypes: {
      character: ["varchar"],
      text: ["varchar"],
      boolean: ["integer", "text"],
      numeric: ["double precision", "integer"],
      timestamp: ["timestamptz", "date"],
      timestamptz: ["timestamp"],
      json: ["jsonb"],
      jsonb: ["json", "text"],
      inet: ["text"],
    },
    shape: (type) =>
      SIZED.includes(type)
        ? { length: 50 }
        : type === "numeric" || type === "decimal"
          ? { precision: 12, scale: 2 }
          : type === "enum" || type === "simple-enum"
            ? { enum: ["a", "b"] }
            : {},
  },
});

/** An array column defaults to an array literal: empty, or one of its element's literal defaults. */
function defaultFor(r: Rng, c: ColumnOptions): unknown {
  if (!c["array"]) return parts.defaultFor(r, c);
  if (r.maybe()) return [];
  const one = parts.defaultFor(r, c);
  return typeof one === "function" || one === undefined ? undefined : [one];
}

function column(r: Rng): ColumnOptions {
  const array = r.maybe(0.1);
  const type = array ? r.pick(ARRAYS) : r.pick(TYPES);
  const c: ColumnOptions = { type, nullable: r.maybe(0.4) };
  if (array) c["array"] = true;
  if (SIZED.includes(type) && (type.startsWith("char") || r.maybe(0.8))) c["length"] = r.pick(LENGTHS);
  if ((type === "numeric" || type === "decimal") && r.maybe(0.8))
    Object.assign(c, { precision: r.pick([5, 8, 10, 12, 18]), scale: r.pick([0, 2, 4]) });
  if (["time", "timestamp", "timestamptz", "interval"].includes(type) && r.maybe(0.3))
    c["precision"] = r.pick([0, 3, 6]);
  if (type === "enum" || type === "simple-enum") c["enum"] = r.pick(ENUMS);
  if (["varchar", "text", "character varying"].includes(type) && r.maybe(0.15)) c["collation"] = r.pick(["C", "POSIX"]);
  if (r.maybe(0.3)) c["comment"] = r.pick(STRINGS);
  if (r.maybe()) {
    const d = defaultFor(r, c);
    if (d !== undefined) c["default"] = d;
  }
  if (!array && ["integer", "varchar", "text", "uuid", "bigint"].includes(type) && r.maybe(0.1)) c["unique"] = true;
  return c;
}

export const postgresMenu: ColumnMenu = {
  ...parts,
  column,
  primaryKey: (r) =>
    r.pick([
      { type: "integer", generated: "increment" },
      { type: "bigint", generated: "increment" },
      { type: "integer", generated: "identity" },
      { type: "uuid", generated: "uuid" },
    ]),
  // json, xml and point have no btree operator class.
  indexable: (c) => !["json", "xml", "point"].includes(c["type"] as string),
  actions: ["CASCADE", "SET NULL", "NO ACTION", "RESTRICT"],
  defaultFor,
  // An array's type and values stay as they are: the edits and checks are for scalar columns.
  edits: (c) => (c["array"] ? [] : parts.edits(c)),
  value: (r, c) => (c["array"] ? Array.from({ length: r.int(0, 2) }, () => parts.value(r, c)) : parts.value(r, c)),
  check: (name, c) => (c["array"] ? undefined : parts.check(name, c)),
  views: true,
};

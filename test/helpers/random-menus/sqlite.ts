/* The SQLite column menu of the random-model suite: every column type TypeORM accepts on
 * SQLite (the affinity aliases included), lengths and precisions SQLite keeps only as text,
 * collations, generated columns, and the literal and function defaults people write. */
import { menuParts, type ColumnMenu, type ColumnOptions, type Rng, type ValueKind } from "../random-model";

const INTEGERS = ["tinyint", "smallint", "mediumint", "int", "integer", "bigint", "int2", "int8", "unsigned big int"];
const SIZED = ["varchar", "varying character", "nvarchar", "character", "nchar", "native character"];
const KINDS: Record<string, ValueKind> = {
  ...Object.fromEntries(INTEGERS.map((t) => [t, "integer"])),
  real: "float",
  double: "float",
  "double precision": "float",
  float: "float",
  decimal: "decimal",
  numeric: "decimal",
  boolean: "boolean",
  ...Object.fromEntries(SIZED.map((t) => [t, "string"])),
  text: "string",
  clob: "string",
  blob: "bytes",
  date: "date",
  time: "time",
  datetime: "datetime",
  json: "json",
  "simple-json": "simple-json",
  "simple-array": "simple-array",
  "simple-enum": "enum",
  uuid: "uuid",
};
const TYPES = Object.keys(KINDS);
const ENUMS = [
  ["a", "b"],
  ["x", "y", "z"],
  ["it's", "ok"],
];

const parts = menuParts({
  kinds: KINDS,
  quote: (name) => `"${name}"`,
  functions: () => ({
    date: ["CURRENT_DATE"],
    time: ["CURRENT_TIME"],
    datetime: ["CURRENT_TIMESTAMP", "datetime('now')"],
  }),
  generated: { type: "int", expression: (base) => `${base} * 2`, kinds: ["VIRTUAL", "STORED"] },
  rules: {
    ladders: [
      ["tinyint", "smallint", "int", "bigint"],
      ["float", "double"],
    ],
    sized: SIZED,
    lengths: [1, 10, 36, 50, 255],
    exact: ["decimal", "numeric"],
    precisions: [5, 8, 10, 12, 18],
    enums: ["simple-enum"],
    widenTo: {
      date: ["datetime"],
      int: ["bigint"],
      varchar: ["text"],
      nvarchar: ["text"],
      json: ["text"],
      uuid: ["varchar"],
      "simple-enum": ["varchar"],
    },
    retypes: {
      int: ["varchar", "decimal"],
      integer: ["text", "real"],
      varchar: ["int"],
      text: ["varchar", "blob"],
      boolean: ["int", "text"],
      decimal: ["double", "varchar"],
      datetime: ["varchar", "text"],
    },
    shape: (type) =>
      SIZED.includes(type)
        ? { length: 50 }
        : type === "decimal" || type === "numeric"
          ? { precision: 10, scale: 2 }
          : type === "simple-enum"
            ? { enum: ["a", "b"] }
            : {},
  },
});

function column(r: Rng): ColumnOptions {
  const type = r.pick(TYPES);
  const c: ColumnOptions = { type, nullable: r.maybe(0.4) };
  if (SIZED.includes(type) && r.maybe(0.8)) c["length"] = r.pick([1, 10, 36, 50, 255]);
  if ((type === "decimal" || type === "numeric") && r.maybe(0.7))
    Object.assign(c, { precision: r.pick([5, 8, 10, 12, 18]), scale: r.pick([0, 2, 4]) });
  if (type === "simple-enum") c["enum"] = r.pick(ENUMS);
  if (["varchar", "text", "nvarchar"].includes(type) && r.maybe(0.15))
    c["collation"] = r.pick(["NOCASE", "RTRIM", "BINARY"]);
  if (r.maybe()) {
    const d = parts.defaultFor(r, c);
    if (d !== undefined) c["default"] = d;
  }
  if (["int", "integer", "varchar", "text", "uuid", "bigint"].includes(type) && r.maybe(0.1)) c["unique"] = true;
  return c;
}

export const sqliteMenu: ColumnMenu = {
  ...parts,
  column,
  primaryKey: (r) =>
    r.pick([
      { type: "integer", generated: "increment" },
      { type: "int", generated: "increment" },
      { type: "uuid", generated: "uuid" },
    ]),
  indexable: () => true,
  actions: ["CASCADE", "SET NULL", "NO ACTION", "RESTRICT"],
  views: true,
};

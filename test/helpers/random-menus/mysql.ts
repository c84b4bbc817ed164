/* The MariaDB/MySQL column menu of the random-model suite: TypeORM's MySQL column types with
 * the options and defaults people write, quotes and backslashes included. */
import { STRINGS, menuParts, type ColumnMenu, type ColumnOptions, type Rng, type ValueKind } from "../random-model";

const INTEGERS = ["tinyint", "smallint", "mediumint", "int", "bigint"];
const NUMERIC = [...INTEGERS, "float", "double", "decimal"];
const TEXTS = ["tinytext", "text", "mediumtext", "longtext"];
const SIZED = ["varchar", "char", "binary", "varbinary"];
const KINDS: Record<string, ValueKind> = {
  ...Object.fromEntries(INTEGERS.map((t) => [t, "integer"])),
  float: "float",
  double: "float",
  decimal: "decimal",
  boolean: "boolean",
  varchar: "string",
  char: "string",
  ...Object.fromEntries(TEXTS.map((t) => [t, "string"])),
  date: "date",
  datetime: "datetime",
  timestamp: "datetime",
  time: "time",
  year: "year",
  json: "json",
  enum: "enum",
  set: "enum",
  blob: "bytes",
  binary: "bytes",
  varbinary: "bytes",
  uuid: "uuid",
  "simple-array": "simple-array",
  "simple-json": "simple-json",
};
const TYPES = Object.keys(KINDS);
const LENGTHS = [1, 10, 36, 50, 191, 255];
const ENUMS = [
  ["a", "b"],
  ["x", "y", "z"],
  ["it's", "ok"],
];
const now = (c: ColumnOptions): string => `CURRENT_TIMESTAMP${c["precision"] ? `(${c["precision"] as number})` : ""}`;
const quote = (name: string): string => `\`${name}\``;

const parts = menuParts({
  kinds: KINDS,
  quote,
  functions: (c) => ({ datetime: [now(c), "NOW()"] }),
  generated: { type: "int", expression: (base) => `${base} + 1`, kinds: ["VIRTUAL", "STORED"] },
  rules: {
    ladders: [INTEGERS, ["float", "double"], TEXTS],
    // A BINARY value is padded to the full length, so no shorter BINARY holds it: not resized.
    sized: SIZED.filter((t) => t !== "binary"),
    lengths: LENGTHS,
    exact: ["decimal"],
    precisions: [5, 8, 10, 12, 18],
    enums: ["enum", "set"],
    widenTo: {
      date: ["datetime"],
      int: ["bigint", "decimal", "varchar"],
      varchar: ["longtext"],
      boolean: ["int"],
      enum: ["varchar"],
      uuid: ["varchar"],
    },
    // No text to number: MariaDB refuses text that is not a number instead of losing it.
    retypes: {
      char: ["varchar"],
      text: ["varchar"],
      decimal: ["double", "int"],
      datetime: ["timestamp", "date"],
      timestamp: ["datetime"],
      json: ["longtext"],
    },
    shape: (type) =>
      SIZED.includes(type)
        ? { length: 50 }
        : type === "decimal"
          ? { precision: 12, scale: 2 }
          : type === "enum" || type === "set"
            ? { enum: ["a", "b"] }
            : {},
  },
});

function column(r: Rng): ColumnOptions {
  const type = r.pick(TYPES);
  const c: ColumnOptions = { type, nullable: r.maybe(0.4) };
  const numeric = NUMERIC.includes(type);
  if (numeric && r.maybe(0.3)) c["unsigned"] = true;
  if (numeric && type !== "float" && type !== "double" && r.maybe(0.1)) c["zerofill"] = true;
  if (type === "decimal") Object.assign(c, { precision: r.pick([5, 8, 10, 12, 18]), scale: r.pick([0, 2, 4]) });
  if (SIZED.includes(type)) c["length"] = r.pick(LENGTHS);
  if (["datetime", "timestamp", "time"].includes(type) && r.maybe()) c["precision"] = r.pick([0, 3, 6]);
  if (type === "enum" || type === "set") c["enum"] = r.pick(ENUMS);
  if (["varchar", "char", "text", "enum"].includes(type) && r.maybe(0.3)) {
    const charset = r.maybe() ? r.pick(["utf8mb4", "latin1", "utf8"]) : undefined;
    if (charset) c["charset"] = charset;
    if (r.maybe())
      c["collation"] =
        charset === "latin1"
          ? "latin1_general_ci"
          : charset === "utf8"
            ? "utf8_unicode_ci"
            : r.pick(["utf8mb4_bin", "utf8mb4_general_ci", "utf8mb4_unicode_ci"]);
  }
  if (r.maybe(0.3)) c["comment"] = r.pick(STRINGS);
  if (r.maybe()) {
    const d = parts.defaultFor(r, c);
    if (d !== undefined) c["default"] = d;
  }
  if ((type === "datetime" || type === "timestamp") && r.maybe(0.3)) c["onUpdate"] = now(c);
  if (["int", "varchar", "char", "bigint", "uuid"].includes(type) && r.maybe(0.1)) c["unique"] = true;
  return c;
}

export const mysqlMenu: ColumnMenu = {
  ...parts,
  column,
  primaryKey: (r) => (r.maybe(0.7) ? { type: "int", generated: "increment" } : { type: "uuid", generated: "uuid" }),
  // TEXT and BLOB key parts take a prefix MariaDB picks, which a composite key can exceed; long strings too.
  indexable: (c) =>
    !["json", "simple-array", "simple-json", "blob", ...TEXTS].includes(c["type"] as string) &&
    !((c["length"] as number) > 191),
  actions: ["CASCADE", "SET NULL", "NO ACTION", "RESTRICT"],
  views: true,
};

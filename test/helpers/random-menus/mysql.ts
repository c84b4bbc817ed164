/* The MariaDB/MySQL column menu of the random-model suite: TypeORM's MySQL column types with
 * the options and defaults people write, quotes and backslashes included. */
import type { ColumnMenu, ColumnOptions, Rng } from "../random-model";

const STRINGS = ["a", "it's", "back\\slash", "", "100%", "x_y", "UPPER", "déjà"];
const INTEGERS = ["int", "tinyint", "smallint", "mediumint", "bigint"];
const NUMERIC = [...INTEGERS, "float", "double", "decimal"];
const TEXTS = ["text", "tinytext", "mediumtext", "longtext"];
const TYPES = [
  ...NUMERIC,
  "boolean",
  "varchar",
  "char",
  ...TEXTS,
  "date",
  "datetime",
  "timestamp",
  "time",
  "year",
  "json",
  "enum",
  "set",
  "blob",
  "binary",
  "varbinary",
  "uuid",
  "simple-array",
  "simple-json",
];

function column(r: Rng): ColumnOptions {
  const type = r.pick(TYPES);
  const c: ColumnOptions = { type, nullable: r.maybe(0.4) };
  const numeric = NUMERIC.includes(type);
  if (numeric && r.maybe(0.3)) c["unsigned"] = true;
  if (numeric && type !== "float" && type !== "double" && r.maybe(0.1)) c["zerofill"] = true;
  if (type === "decimal") Object.assign(c, { precision: r.pick([5, 8, 10, 12, 18]), scale: r.pick([0, 2, 4]) });
  if (["varchar", "char", "binary", "varbinary"].includes(type)) c["length"] = r.pick([1, 10, 36, 50, 191, 255]);
  const fsp = ["datetime", "timestamp", "time"].includes(type) && r.maybe() ? r.pick([0, 3, 6]) : 0;
  if (fsp) c["precision"] = fsp;
  if (type === "enum" || type === "set")
    c["enum"] = r.pick([
      ["a", "b"],
      ["x", "y", "z"],
      ["it's", "ok"],
    ]);
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
    const now = `CURRENT_TIMESTAMP${fsp ? `(${fsp})` : ""}`;
    if (numeric) c["default"] = type === "decimal" ? r.pick([0, 1.5, 12, "3.25"]) : r.pick([0, 1, 42, "7"]);
    else if (type === "boolean") c["default"] = r.pick([true, false]);
    else if (type === "varchar" || type === "char")
      c["default"] = r.pick(STRINGS.filter((s) => s.length <= (c["length"] as number)));
    else if (TEXTS.includes(type)) c["default"] = r.pick(STRINGS);
    else if (type === "datetime" || type === "timestamp")
      c["default"] = r.pick([() => now, "2020-01-01 00:00:00", () => "NOW()"]);
    else if (type === "date") c["default"] = "2020-01-01";
    else if (type === "time") c["default"] = "12:00:00";
    else if (type === "year") c["default"] = 2024;
    else if (type === "enum" || type === "set") c["default"] = (c["enum"] as string[])[0];
  }
  if ((type === "datetime" || type === "timestamp") && r.maybe(0.3))
    c["onUpdate"] = `CURRENT_TIMESTAMP${fsp ? `(${fsp})` : ""}`;
  if (["int", "varchar", "char", "bigint", "uuid"].includes(type) && r.maybe(0.1)) c["unique"] = true;
  return c;
}

export const mysqlMenu: ColumnMenu = {
  column,
  primaryKey: (r) => (r.maybe(0.7) ? { type: "int", generated: "increment" } : { type: "uuid", generated: "uuid" }),
  // TEXT and BLOB key parts take a prefix MariaDB picks, which a composite key can exceed; long strings too.
  indexable: (c) =>
    !["json", "simple-array", "simple-json", "blob", ...TEXTS].includes(c["type"] as string) &&
    !((c["length"] as number) > 191),
  derived: (r, columns): Record<string, ColumnOptions> => {
    const base = Object.keys(columns).find((k) => k !== "id" && INTEGERS.includes(columns[k]!["type"] as string));
    return base && r.maybe(0.3)
      ? {
          g: {
            type: "int",
            nullable: true,
            asExpression: `\`${base}\` + 1`,
            generatedType: r.pick(["VIRTUAL", "STORED"]),
          },
        }
      : {};
  },
  actions: ["CASCADE", "SET NULL", "NO ACTION", "RESTRICT"],
};

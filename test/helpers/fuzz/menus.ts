/* The column menu the fuzzer uses for each dialect: the random-model suite's menus, and a
 * small portable one for SQLite and PostgreSQL until random-menus/ has theirs. */
import type { DialectName } from "@autogen/dialects";
import type { ColumnMenu, ColumnOptions, Rng } from "../random-model";
import { mysqlMenu } from "../random-menus/mysql";

/** Columns every dialect takes under the same type names. */
const portableMenu: ColumnMenu = {
  column(r: Rng): ColumnOptions {
    const type = r.pick(["int", "integer", "bigint", "varchar", "text", "boolean", "real", "date"]);
    const c: ColumnOptions = { type, nullable: r.maybe(0.4) };
    if (type === "varchar") c["length"] = r.pick([10, 50, 255]);
    if (r.maybe(0.3)) {
      if (type === "int" || type === "integer" || type === "bigint") c["default"] = r.pick([0, 1, 42]);
      else if (type === "varchar" || type === "text") c["default"] = r.pick(["a", "it's", ""]);
      else if (type === "boolean") c["default"] = r.pick([true, false]);
    }
    return c;
  },
  primaryKey: () => ({ type: "integer", generated: "increment" }),
  indexable: () => true,
  actions: ["CASCADE", "SET NULL", "NO ACTION", "RESTRICT"],
};

/** The menu of each dialect the fuzzer runs on. */
export const FUZZ_MENUS: Partial<Record<DialectName, ColumnMenu>> = {
  mysql: mysqlMenu,
  sqlite: portableMenu,
  postgres: portableMenu,
};

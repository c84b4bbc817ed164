import { mysqlTypeWidths } from "../mysql/mysql-type-widths";
import { postgresTypeWidths } from "../postgres/postgres-type-widths";
import { mergeTypeWidths, type TypeWidths } from "../type-widths";

/**
 * SQLite keeps a declared type as written, in any dialect's spelling, and enforces none of its
 * limits (https://www.sqlite.org/datatype3.html). A narrowing warning on SQLite is the one the
 * spelling's own dialect would give (a model is often written for several), plus `clob`. A date
 * or time is text (or a number) that SQLite keeps as stored whatever the declared type: no
 * date or time type cuts anything.
 */
export const sqliteTypeWidths: TypeWidths = {
  ...mergeTypeWidths(postgresTypeWidths, mysqlTypeWidths, {
    integers: {},
    floats: {},
    decimals: new Set(),
    boundedStrings: new Set(),
    boundedBinaries: new Set(),
    fixedWidth: new Set(),
    texts: new Set(["clob"]),
    textSizes: {},
    temporals: {},
  }),
  temporals: {},
};

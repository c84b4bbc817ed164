import type { TypeWidths } from "../type-widths";

/**
 * PostgreSQL's types by capacity (https://www.postgresql.org/docs/current/datatype.html):
 * `text` and a `varchar` without length are unbounded; `char`/`bit` without length are one wide.
 */
export const postgresTypeWidths: TypeWidths = {
  integers: { smallint: 2, int2: 2, integer: 4, int: 4, int4: 4, bigint: 5, int8: 5 },
  floats: { real: 1, float4: 1, "double precision": 2, float8: 2 },
  decimals: new Set(["numeric", "decimal"]),
  boundedStrings: new Set(["varchar", "character varying", "char", "character"]),
  boundedBinaries: new Set(["bit", "bit varying", "varbit"]),
  fixedWidth: new Set(["char", "character", "bit"]),
  texts: new Set(["text"]),
  textSizes: {},
  // Microsecond precision unless named; with or without a time zone, the same parts.
  temporals: Object.fromEntries([
    ...["date"].map((t) => [t, { date: true, time: false, fraction: 6 }]),
    ...["timestamp", "timestamp without time zone", "timestamp with time zone", "timestamptz"].map((t) => [
      t,
      { date: true, time: true, fraction: 6 },
    ]),
    ...["time", "time without time zone", "time with time zone", "timetz"].map((t) => [
      t,
      { date: false, time: true, fraction: 6 },
    ]),
  ]),
};

/* The column menu the fuzzer uses for each dialect: the random-model suite's (random-menus/). */
import type { DialectName } from "@autogen/dialects";
import type { ColumnMenu } from "../random-model";
import { mysqlMenu } from "../random-menus/mysql";
import { postgresMenu } from "../random-menus/postgres";
import { sqliteMenu } from "../random-menus/sqlite";

/** The menu of each dialect the fuzzer runs on. */
export const FUZZ_MENUS: Partial<Record<DialectName, ColumnMenu>> = {
  mysql: mysqlMenu,
  sqlite: sqliteMenu,
  postgres: postgresMenu,
};

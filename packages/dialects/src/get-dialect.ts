import { CommandError } from "@autogen/core";
import type { Dialect } from "./dialect";
import type { DialectName } from "./dialect-name";
import { mysqlDialect } from "./mysql/mysql-dialect";
import { postgresDialect } from "./postgres/postgres-dialect";
import { sqliteDialect } from "./sqlite/sqlite-dialect";

const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  postgres: postgresDialect,
  mysql: mysqlDialect,
  sqlite: sqliteDialect,
};

/** The Dialect object of a dialect name (`postgres`, `mysql` (also MariaDB), `sqlite`). */
export function getDialect(name: DialectName): Dialect {
  if (!Object.hasOwn(DIALECTS, name)) throw new CommandError(`Unknown dialect ${JSON.stringify(name)}`);
  return DIALECTS[name];
}

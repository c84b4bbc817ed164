import { CommandError } from "@autogen/core";
import type { Connection, Dialect, DialectName } from "@autogen/dialects";
import type { Introspector } from "./introspector";
import { MysqlIntrospector } from "./mysql/mysql-introspector";
import { PostgresIntrospector } from "./postgres/postgres-introspector";
import { SqliteIntrospector } from "./sqlite/sqlite-introspector";

/** Builds the introspector of one dialect. */
export type IntrospectorFactory = (conn: Connection, dialect: Dialect) => Introspector;

// One entry per folder of src/: adding a dialect adds a folder and a line here.
const FACTORIES = new Map<DialectName, IntrospectorFactory>([
  ["sqlite", (conn, dialect) => new SqliteIntrospector(conn, dialect)],
  ["postgres", (conn, dialect) => new PostgresIntrospector(conn, dialect)],
  ["mysql", (conn, dialect) => new MysqlIntrospector(conn, dialect)],
]);

/** Registers (or replaces) the introspector of a dialect, for dialects added outside this package. */
export function registerIntrospector(name: DialectName, factory: IntrospectorFactory): void {
  FACTORIES.set(name, factory);
}

/**
 * The introspector for `dialect`, reading through `conn`.
 *
 * @throws CommandError when no introspector is registered for the dialect, or when the
 *   connection and the dialect disagree.
 */
export function createIntrospector(conn: Connection, dialect: Dialect): Introspector {
  if (conn.dialect !== dialect.name) {
    throw new CommandError(`Cannot reflect a ${conn.dialect} connection with the ${dialect.name} dialect`);
  }
  const factory = FACTORIES.get(dialect.name);
  if (!factory) throw new CommandError(`No introspector is registered for dialect '${dialect.name}'`);
  return factory(conn, dialect);
}

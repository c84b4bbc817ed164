/* The two TypeORM lines the tests run on (`typeorm` = 1.x, `typeorm03` = 0.3.x) and a DataSource
 * from either for a dialect: a DataSource names its copy of TypeORM, so autogen builds the
 * model with that line's names and types. */
import type { DialectName } from "@autogen/dialects";

/** The npm name of a TypeORM line installed for the tests. */
export type TypeORMLine = "typeorm" | "typeorm03";

/** TypeORM's DataSource `type` for each dialect (1.x dropped `sqlite` in favour of better-sqlite3). */
export const TYPEORM_TYPE: Record<DialectName, string> = {
  sqlite: "better-sqlite3",
  postgres: "postgres",
  mysql: "mariadb",
};

type Ctor = new (options: Record<string, unknown>) => unknown;

/** The constructors of one line. */
export function typeormLine(line: TypeORMLine): { DataSource: Ctor; EntitySchema: Ctor } {
  return require(line) as { DataSource: Ctor; EntitySchema: Ctor };
}

/** An uninitialised DataSource of `line` for `dialect` holding `entities` (autogen never connects it). */
export function modelDataSource(
  line: TypeORMLine,
  dialect: DialectName,
  entities: unknown[],
  options: Record<string, unknown> = {},
): unknown {
  const { DataSource } = typeormLine(line);
  return new DataSource({ type: TYPEORM_TYPE[dialect], database: ":memory:", ...options, entities });
}

import type { DialectName } from "@autogen/dialects";

/**
 * Everything that differs between TypeORM 0.3.x and 1.x for building metadata offline, in one
 * place. The metadata model, naming strategy calls and driver normalisation are otherwise the
 * same, and the differences in their results need no branch here:
 * - constraint names (1.x hashes UTF-8 with node:crypto, 0.3 the percent-encoded key, so names
 *   over predicates, check expressions or non-ASCII names change) come out right because every
 *   name is taken from the metadata the running TypeORM computed, never re-hashed;
 * - 1.x cascades the inverse side's many-to-many foreign key, 0.3 does not: also in the metadata;
 * - MySQL `width`/`zerofill` exist in 0.3 only: the rules read `zerofill`, absent on 1.x.
 */
export interface TypeORMVersionAdapter {
  /** The DataSource `type` to build metadata for `dialect`; `requested` is the project's own type. */
  driverType(dialect: DialectName, requested: unknown): string;
  /** Options that keep the driver constructor from loading a native client it never uses offline. */
  offlineDriverOptions(driverType: string): Record<string, unknown>;
}

/** Driver client stand-in: drivers keep it until connect(), which we never call. Non-empty, since the 0.3 MySQL driver treats `{}` as a failed require. */
const OFFLINE_CLIENT = Object.freeze({ autogenOffline: true, verbose: () => OFFLINE_CLIENT });

/** MySQL and MariaDB share the `mysql` dialect; the project's `mariadb` type is kept because TypeORM normalises uuid/json differently for it. */
function mysqlFamily(requested: unknown): string {
  return requested === "mariadb" ? "mariadb" : "mysql";
}

const V1: TypeORMVersionAdapter = {
  driverType: (dialect, requested) =>
    // 1.x removed the `sqlite` (sqlite3) driver: better-sqlite3 is its only SQLite driver.
    ({ postgres: "postgres", mysql: mysqlFamily(requested), sqlite: "better-sqlite3" })[dialect],
  offlineDriverOptions: () => ({ driver: OFFLINE_CLIENT }),
};

const V03: TypeORMVersionAdapter = {
  // 0.3 has `sqlite` and `better-sqlite3`; both extend AbstractSqliteDriver, whose type and
  // default rules are what matter here, so one is used for both.
  driverType: (dialect, requested) =>
    ({ postgres: "postgres", mysql: mysqlFamily(requested), sqlite: "better-sqlite3" })[dialect],
  // 0.3's MysqlDriver warns on a `driver` without `connectorPackage` (1.x only knows mysql2).
  offlineDriverOptions: (driverType) =>
    driverType === "mysql" || driverType === "mariadb"
      ? { driver: OFFLINE_CLIENT, connectorPackage: "mysql2" }
      : { driver: OFFLINE_CLIENT },
};

/** The adapter for a TypeORM major line. */
export function typeormVersionAdapter(major: 0 | 1): TypeORMVersionAdapter {
  return major === 0 ? V03 : V1;
}

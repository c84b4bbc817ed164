import type { TypeORMDriver } from "./typeorm-shapes";

/**
 * Sets what TypeORM's drivers learn in connect()/afterConnect() from the server version, for
 * the flags that change metadata normalisation (MysqlDriver.afterConnect: MariaDB >= 10.7 has a
 * native uuid type; normalizeType reads `version` for MariaDB json).
 */
export function applyServerVersion(driver: TypeORMDriver & { version?: string }, version: string): void {
  const d = driver as TypeORMDriver & { version?: string; uuidColumnTypeSuported?: boolean };
  d.version = version;
  if (driver.options.type === "mariadb" && atLeast(version, [10, 7, 0])) d.uuidColumnTypeSuported = true;
}

function atLeast(version: string, min: readonly number[]): boolean {
  const parts = version.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < min.length; i++) {
    const v = Number.isNaN(parts[i]) || parts[i] === undefined ? 0 : parts[i]!;
    if (v !== min[i]) return v > min[i]!;
  }
  return true;
}

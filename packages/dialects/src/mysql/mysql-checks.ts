/**
 * Whether a server enforces CHECK constraints: MariaDB from 10.2.1, MySQL from 8.0.16 (earlier
 * servers parse CHECK and ignore it, and keep no trace of it). The version is VERSION()'s text
 * (`10.11.6-MariaDB-0+deb12u1`, `8.0.36`). Only the MariaDB branch has run against a server here.
 */
export function mysqlEnforcesChecks(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const at = major * 10000 + minor * 100 + patch;
  return /mariadb/i.test(version) ? at >= 100201 : at >= 80016;
}

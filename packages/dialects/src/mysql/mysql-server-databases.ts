import type { ServerDatabases } from "../server-databases";
import { mysqlSyntax } from "./mysql-syntax";

/** MySQL/MariaDB databases (schemas). */
export const mysqlServerDatabases: ServerDatabases = {
  create: (name) => `CREATE DATABASE ${mysqlSyntax.quote(name)}`,
  drop: (name) => `DROP DATABASE IF EXISTS ${mysqlSyntax.quote(name)}`,
  list: (prefix) =>
    `SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ${mysqlSyntax.literal(`${prefix}%`)}`,
  // MariaDB has no WITH (FORCE): a session left in an open transaction would make DROP DATABASE
  // wait on its metadata locks for ever, so such sessions are ended first.
  sessions: "SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()",
  kill: (id) => `KILL ${Number(id)}`,
  // ER_DBACCESS_DENIED_ERROR (1044), ER_ACCESS_DENIED_ERROR (1045), ER_SPECIFIC_ACCESS_DENIED_ERROR (1227).
  permissionDenied: ["ER_DBACCESS_DENIED_ERROR", "ER_ACCESS_DENIED_ERROR", "ER_SPECIFIC_ACCESS_DENIED_ERROR"],
};

import type { ServerDatabases } from "../server-databases";
import { postgresSyntax } from "./postgres-syntax";

/** PostgreSQL databases (https://www.postgresql.org/docs/current/sql-createdatabase.html). */
export const postgresServerDatabases: ServerDatabases = {
  create: (name) => `CREATE DATABASE ${postgresSyntax.quote(name)}`,
  // WITH (FORCE) ends the sessions still on it (PostgreSQL 13+): a verify stopped mid-statement.
  drop: (name) => `DROP DATABASE IF EXISTS ${postgresSyntax.quote(name)} WITH (FORCE)`,
  list: (prefix) =>
    `SELECT datname AS name FROM pg_database WHERE datname LIKE ${postgresSyntax.literal(`${prefix}%`)}`,
  // insufficient_privilege: a role without CREATEDB.
  permissionDenied: ["42501"],
};

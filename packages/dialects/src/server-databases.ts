/**
 * How a server creates, lists and drops whole databases (a PostgreSQL database, a MySQL/MariaDB
 * schema): what test databases and verify's scratch databases are made of. SQLite has none: its
 * databases are files.
 */
export interface ServerDatabases {
  create(name: string): string;
  /** Drops the database; ends other sessions on it where the server can (PostgreSQL's FORCE). */
  drop(name: string): string;
  /** Lists the databases whose name starts with `prefix`, as `name` rows. */
  list(prefix: string): string;
  /** Lists the ids of other sessions using a database (`?` = its name), to end them before the drop. */
  readonly sessions?: string;
  kill?(id: unknown): string;
  /** Driver error codes (SQLSTATE or the driver's) meaning this login may not create databases. */
  readonly permissionDenied: readonly string[];
}

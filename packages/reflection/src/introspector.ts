import type { Schema } from "@autogen/core";
import type { ReflectOptions } from "./reflect-options";

/**
 * Reads a live database into a core Schema in canonical terms (every type, default and
 * expression passed through the dialect's Canonicalizer), sorted and frozen so that two
 * reflections of the same database are deeply equal. It never consults entity metadata.
 */
export interface Introspector {
  reflect(o?: ReflectOptions): Promise<Schema>;
  /**
   * The application schemas of the database, sorted, without the server's own
   * (pg_catalog, information_schema, mysql, ...): what `includeSchemas` chooses from.
   * SQLite reflects the `main` schema only and reports just that.
   */
  schemaNames(): Promise<string[]>;
  /**
   * Statements sent by the last `reflect()` call. It depends on the dialect (and, for MySQL,
   * on the number of schemas), never on the number of tables, columns or indexes.
   */
  readonly lastQueryCount: number;
  /**
   * The definition of a view as this database would store it, for a definition written by the
   * model: PostgreSQL re-deparses view SQL and MySQL/MariaDB rewrite it, so the model's text is
   * run through the server (a view made and dropped at once) to compare like with like. Null when
   * the server cannot build the view as it stands (it reads tables the revision has yet to
   * create): then it differs. Absent where the database keeps view SQL as written (SQLite, whose
   * views are compared by the dialect's canonical expression text).
   */
  canonicalViewDefinition?(definition: string): Promise<string | null>;
  /**
   * The model (the target schema) with what this database fills in for it resolved as the last
   * reflect() would report it: MySQL column charsets and collations against their table's and
   * schema's. Call it after reflect(). Absent where the model needs no such step.
   */
  canonicalTarget?(target: Schema): Promise<Schema>;
}

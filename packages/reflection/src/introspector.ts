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
}

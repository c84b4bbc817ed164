import { DEFAULT_VERSION_TABLE, revisionsTableName } from "@autogen/core";

/** What to reflect. Every list is matched exactly (names are case-sensitive). */
export interface ReflectOptions {
  /**
   * Schemas to reflect (PostgreSQL schemas, MySQL databases); `null` stands for the connection's
   * current schema, as in the model, so `[null, ...target.schemas]` reflects what a model uses.
   * Default: `[null]`. SQLite has one schema per file and ignores this.
   */
  readonly schemas?: readonly (string | null)[];
  /** Reflect only these tables (e.g. SQLite batch mode reflects the one table it recreates). */
  readonly tables?: readonly string[];
  /** Extra table names to leave out, e.g. a custom version table name. */
  readonly exclude?: readonly string[];
  /**
   * Receives one line per thing reflection could not express in canonical terms (an unknown
   * type or default kept as raw text, a construct the model has no field for). Default:
   * `process.emitWarning` with the name `AutogenReflectionWarning`.
   */
  readonly onWarning?: (message: string) => void;
  /**
   * The server's version (as Connection.serverVersion() gives it) when the caller has read it
   * already: MySQL reflection, whose statement depends on it, then needs no round trip of its
   * own before its catalog statement.
   */
  readonly serverVersion?: string;
  /**
   * Called once the catalog statements are on their way to the server (what they depend on,
   * such as the server version, answered): from then on the database computes them even while
   * the caller keeps the event loop busy, which it could not do before (a driver sends a
   * statement only after handling the previous one's answer). Not called when reflect fails first.
   */
  readonly onCatalogSent?: () => void;
}

/** Tables that are never part of a reflected Schema: autogen's and TypeORM's bookkeeping. */
export const ALWAYS_EXCLUDED_TABLES: readonly string[] = Object.freeze([
  DEFAULT_VERSION_TABLE,
  revisionsTableName(DEFAULT_VERSION_TABLE),
  "migrations",
  "typeorm_metadata",
]);

/** The names to leave out for one reflect call: the fixed ones plus `o.exclude`, deduplicated and sorted. */
export function excludedTables(o: ReflectOptions): string[] {
  return [...new Set([...ALWAYS_EXCLUDED_TABLES, ...(o.exclude ?? [])])].sort();
}

/** The warning sink for one reflect call. */
export function warningSink(o: ReflectOptions): (message: string) => void {
  return o.onWarning ?? ((message) => process.emitWarning(message, "AutogenReflectionWarning"));
}

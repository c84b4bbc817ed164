import { DatabaseError } from "@autogen/core";
import type { MigrationContext } from "./migration-context";

/**
 * What the version table and the revisions table next to it share: a quoted, schema-qualified
 * name, a read that tells "no such table" from a broken connection, and a race-safe CREATE.
 * Every statement is literal SQL (`dialect.literal`), so the online statements and the --sql
 * text are the same strings.
 */
export abstract class BookkeepingTable {
  protected readonly ctx: MigrationContext;
  /** For messages: `schema.table` or `table`, unquoted. */
  readonly displayName: string;
  /** For SQL: quoted and schema-qualified. */
  protected readonly sqlName: string;
  /** The primary key's name, quoted: `<table>_pkc` as Alembic names alembic_version's. */
  protected readonly pkName: string;

  protected constructor(ctx: MigrationContext, name: string, schema: string | undefined) {
    this.ctx = ctx;
    const d = ctx.impl;
    this.displayName = schema ? `${schema}.${name}` : name;
    this.sqlName = schema ? `${d.quote(schema)}.${d.quote(name)}` : d.quote(name);
    this.pkName = d.quote(`${name}_pkc`);
  }

  /** A SQL literal of the dialect. */
  protected lit(value: string): string {
    return this.ctx.impl.literal(value);
  }

  /**
   * The rows of a SELECT on this table; `undefined` when the table does not exist (online only).
   * Must run outside a transaction on databases where a failed statement aborts it (PostgreSQL):
   * a missing table is detected by the failing SELECT.
   */
  protected async selectIfExists<R>(sql: string, what: string): Promise<R[] | undefined> {
    try {
      return (await this.ctx.query<R>(sql, what)).rows;
    } catch (error) {
      if (!(error instanceof DatabaseError)) throw error;
      // Tell "no such table" from a broken connection: if the server still answers, the
      // table is what failed.
      await this.ctx.query("SELECT 1", what).catch(() => {
        throw error;
      });
      return undefined;
    }
  }

  /**
   * Runs a CREATE ... IF NOT EXISTS (kysely's habit: if that throws, check whether the table
   * now exists, so that two first runs racing each other cannot crash).
   */
  protected async createSafely(statement: string, exists: () => Promise<boolean>): Promise<void> {
    try {
      await this.ctx.execute(statement);
    } catch (error) {
      if (this.ctx.isOffline || this.ctx.inTransaction) throw error;
      if (!(await exists())) throw error;
    }
  }
}

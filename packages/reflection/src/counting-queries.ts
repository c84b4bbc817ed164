import { AutogenError, DatabaseError } from "@autogen/core";
import type { Connection } from "@autogen/dialects";

/**
 * Sends an introspector's catalog queries and counts them, so that tests can check that the
 * number of statements per reflect does not grow with the size of the schema.
 */
export class CountingQueries {
  #count = 0;
  constructor(readonly conn: Connection) {}

  get lastCount(): number {
    return this.#count;
  }

  reset(): void {
    this.#count = 0;
  }

  /** Runs one catalog query and counts it. */
  async run<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    this.#count++;
    return CountingQueries.uncounted<R>(this.conn, sql, params);
  }

  /** Runs one query outside any count; driver errors not already wrapped become DatabaseError. */
  static async uncounted<R>(conn: Connection, sql: string, params: readonly unknown[] = []): Promise<R[]> {
    try {
      return (await conn.query<R>(sql, params)).rows;
    } catch (err) {
      if (err instanceof AutogenError) throw err;
      throw new DatabaseError(`Reflection query failed: ${err instanceof Error ? err.message : String(err)}`, {
        statement: sql,
        cause: err,
      });
    }
  }
}

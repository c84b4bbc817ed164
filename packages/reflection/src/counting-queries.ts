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

  /**
   * Waits for catalog queries sent together: a driver that runs statements off the main thread
   * (sqlite3's thread pool) works on all of them while the caller's own work (building the model)
   * keeps the event loop busy. The first failure is thrown only once every query has settled, so
   * that none is left running on a connection the caller may then close.
   */
  static async all<T extends readonly unknown[]>(queries: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
    const settled = await Promise.allSettled(queries as readonly Promise<unknown>[]);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
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

import { AutogenError } from "@autogen/core";
import type { Connection, QueryResult } from "../connection";
import type { DialectName } from "../dialect-name";
import { connectionClosed, statementFailed } from "./database-errors";
import type { DriverSession } from "./driver-session";

/**
 * The one Connection implementation: every driver session is adapted through it, so driver
 * errors are wrapped once, in one place, whatever the driver.
 */
export class SessionConnection implements Connection {
  readonly dialect: DialectName;
  readonly #session: DriverSession;
  readonly #target: string;
  readonly #owned: boolean;
  #closed = false;

  /**
   * @param target how to name the session in messages (a masked URL, or "an adopted pg.Client").
   * @param owned  false for a connection the user handed in: `close()` must leave it open.
   */
  constructor(session: DriverSession, o: { target: string; owned: boolean }) {
    this.dialect = session.dialect;
    this.#session = session;
    this.#target = o.target;
    this.#owned = o.owned;
  }

  async query<R = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    if (this.#closed) throw connectionClosed(this.#target, sql);
    try {
      return (await this.#session.run(sql, params)) as QueryResult<R>;
    } catch (err) {
      if (err instanceof AutogenError) throw err;
      throw statementFailed(sql, err);
    }
  }

  async serverVersion(): Promise<string> {
    const { rows } = await this.query(this.#session.versionQuery);
    return String(Object.values(rows[0] ?? {})[0]);
  }

  /** Idempotent. A connection adopted with wrapConnection is only detached, never closed. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // A session the server already dropped cannot be ended again; it is closed all the same, and
    // close() runs in finally blocks where a second error would hide the first.
    if (this.#owned) await this.#session.end().catch(() => undefined);
  }
}

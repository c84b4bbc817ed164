import type { Connection } from "./connection";

/** What the runtime asks a dialect to lock: one version table's runs. */
export interface RunLockRequest {
  /** `autogen:<table>` or `autogen:<schema>.<table>`. */
  readonly name: string;
  /**
   * The name says the version table's schema. Otherwise (the default) the table is whichever one
   * the session's default schema resolves (search_path, the current database), and so is the
   * lock: tenants in two schemas of one database do not wait for each other.
   */
  readonly qualified?: boolean;
}

/**
 * The server-side names of the run locks each session holds, by the name the runtime asked for:
 * the lock is released under the name it was taken with, even if a revision changed the session's
 * default schema (SET search_path, USE) in between.
 */
export class HeldRunLocks {
  readonly #held = new WeakMap<Connection, Map<string, string>>();

  /**
   * @param scopeQuery a query returning the session's default schema or database in a column `scope`.
   * @param serverName turns the scoped name into what the server locks (a digest, a short name).
   */
  constructor(
    private readonly scopeQuery: string,
    private readonly serverName: (scopedName: string) => string,
  ) {}

  /** The server-side name to take for `lock` on this session (not yet recorded as held). */
  async nameFor(conn: Connection, lock: RunLockRequest): Promise<string> {
    if (lock.qualified) return this.serverName(lock.name);
    const { rows } = await conn.query<{ scope: string | null }>(this.scopeQuery);
    return this.serverName(`${rows[0]?.scope ?? ""}:${lock.name}`);
  }

  taken(conn: Connection, lock: RunLockRequest, serverName: string): void {
    if (!this.#held.has(conn)) this.#held.set(conn, new Map());
    this.#held.get(conn)!.set(lock.name, serverName);
  }

  /** The server-side name `lock` was taken under (forgotten), or the one it would have now. */
  async release(conn: Connection, lock: RunLockRequest): Promise<string> {
    const held = this.#held.get(conn)?.get(lock.name);
    this.#held.get(conn)?.delete(lock.name);
    return held ?? (await this.nameFor(conn, lock));
  }
}

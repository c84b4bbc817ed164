import { CommandError } from "@autogen/core";
import type { Connection, Dialect, DialectName, QueryResult } from "@autogen/dialects";
import type { MigrationContextApi } from "./operations-api";

/** Options of {@link MigrationContext}. */
export interface MigrationContextOptions {
  dialect: Dialect;
  /** Online mode: statements run on this connection. Absent means offline (`--sql`). */
  connection?: Connection;
  /** The `-x KEY=VALUE` arguments. */
  x?: Readonly<Record<string, string>>;
  /** Called with every statement executed online (tests compare it with the offline text). */
  onStatement?: (sql: string) => void;
  /** The command's `tag`. */
  tag?: string;
  /**
   * Online, opens a transaction instead of sending the dialect's BEGIN: where the run lock is
   * the transaction (SQLite's `BEGIN EXCLUSIVE`), every transaction of the run re-takes it.
   */
  openTransaction?: () => Promise<void>;
}

/**
 * Where a run's SQL goes. Online, `execute` sends each statement to the connection; offline it
 * appends `sql;\n` to a buffer. Both modes see the same calls in the same order, so `--sql`
 * prints exactly what an online run would execute (alembic's `DefaultImpl._exec`).
 */
export class MigrationContext implements MigrationContextApi {
  /** The Dialect object (alembic's `context.impl`); `dialect` is its name, for revision files. */
  readonly impl: Dialect;
  readonly connection: Connection | undefined;
  readonly tag: string | undefined;
  readonly #x: Readonly<Record<string, string>>;
  readonly #onStatement: ((sql: string) => void) | undefined;
  readonly #openTransaction: (() => Promise<void>) | undefined;
  #buffer = "";
  #inTransaction = false;
  /** Statements executed since `startRevision`, for the error of a failed non-transactional revision. */
  #revisionStatements: string[] = [];

  constructor(o: MigrationContextOptions) {
    this.impl = o.dialect;
    this.connection = o.connection;
    this.tag = o.tag;
    this.#x = Object.freeze({ ...(o.x ?? {}) });
    this.#onStatement = o.onStatement;
    this.#openTransaction = o.openTransaction;
  }

  get dialect(): DialectName {
    return this.impl.name;
  }

  get isOffline(): boolean {
    return this.connection === undefined;
  }

  getXArgument(): Readonly<Record<string, string>>;
  getXArgument(key: string): string | undefined;
  getXArgument(key?: string): Readonly<Record<string, string>> | string | undefined {
    return key === undefined ? this.#x : this.#x[key];
  }

  /** True between `begin()` and `commit()`/`rollback()`. */
  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  /** The offline SQL written so far. */
  get sql(): string {
    return this.#buffer;
  }

  /** The statements executed since the last `startRevision()`. */
  get revisionStatements(): readonly string[] {
    return this.#revisionStatements;
  }

  /** Starts counting the statements of a new revision. */
  startRevision(): void {
    this.#revisionStatements = [];
  }

  /** The one path every migration statement takes: run it online, write it offline. */
  async execute(sql: string): Promise<void> {
    await this.executeCounting(sql);
  }

  /** `execute`, returning the affected-row count online (undefined offline). */
  async executeCounting(sql: string): Promise<number | undefined> {
    if (this.connection === undefined) {
      this.#buffer += `${sql};\n`;
      return undefined;
    }
    this.#onStatement?.(sql);
    const { rowCount } = await this.connection.query(sql);
    this.#revisionStatements.push(sql);
    return rowCount;
  }

  /**
   * A read (version table, reflection) that has no place in offline SQL. Online it runs on
   * the connection; offline it is a CommandError, because there is no database to ask.
   */
  async query<R = Record<string, unknown>>(sql: string, what: string): Promise<QueryResult<R>> {
    if (this.connection === undefined) {
      throw new CommandError(`${what} needs a live database connection; it cannot run in --sql mode`);
    }
    return this.connection.query<R>(sql);
  }

  /** Offline: writes `-- text` (alembic's "-- Running upgrade a -> b"). Online: nothing. */
  comment(text: string): void {
    if (this.connection === undefined) this.#buffer += `-- ${text}\n`;
  }

  /** Emits the dialect's BEGIN (or, online, opens the transaction through `openTransaction`). */
  async begin(): Promise<void> {
    if (this.connection !== undefined && this.#openTransaction !== undefined) {
      await this.#openTransaction();
      this.adoptTransaction();
      return;
    }
    await this.execute(this.impl.adapter.beginStatement);
    this.#inTransaction = true;
  }

  /**
   * Records that a transaction is open without sending BEGIN: the SQLite run lock is itself a
   * `BEGIN EXCLUSIVE`. `onStatement` still sees the BEGIN it stands for, and offline SQL gets
   * one, so that the offline script and the online statement list stay the same.
   */
  adoptTransaction(): void {
    if (this.connection === undefined) this.#buffer += `${this.impl.adapter.beginStatement};\n`;
    else this.#onStatement?.(this.impl.adapter.beginStatement);
    this.#inTransaction = true;
  }

  async commit(): Promise<void> {
    await this.execute(this.impl.adapter.commitStatement);
    this.#inTransaction = false;
  }

  /** Rolls back online (offline has nothing to undo). Never reported to `onStatement`. */
  async rollback(): Promise<void> {
    if (!this.#inTransaction) return;
    this.#inTransaction = false;
    if (this.connection !== undefined) await this.connection.query(this.impl.adapter.rollbackStatement);
  }

  /**
   * Runs `fn` outside the migration's transaction: commits, runs, begins again (offline: emits
   * COMMIT; and BEGIN;). For statements that refuse to run in a transaction, such as
   * PostgreSQL's `CREATE INDEX CONCURRENTLY`. Without an open transaction, simply runs `fn`.
   */
  async autocommitBlock(fn: () => Promise<void>): Promise<void> {
    if (!this.#inTransaction) return fn();
    await this.commit();
    try {
      await fn();
    } finally {
      if (!this.#inTransaction) await this.begin();
    }
  }
}

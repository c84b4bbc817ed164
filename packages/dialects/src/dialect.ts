import type { Column, OpNode, ReferentialAction } from "@autogen/core";
import type { Connection } from "./connection";
import type { DialectName } from "./dialect-name";

/**
 * Canonical terms shared by metadata (TypeORM side) and reflection (database side), so that
 * compare can use plain equality. Each dialect folder has one.
 */
export interface Canonicalizer {
  /** Raw type text (`INT(11)`, `character varying(50)`, `BOOL`) → canonical type (`int`, `varchar(50)`, `tinyint`). */
  type(raw: string): string;
  /** Raw default expression (as reflected, or as TypeORM renders it) → canonical SQL expression, or null. */
  default(raw: string | null | undefined, canonicalType: string): string | null;
  /** A whole column, for rules that need several fields at once (e.g. serial → integer + autoIncrement). */
  column(c: Column): Column;
  /** CHECK / index WHERE / generated expression → canonical text. */
  expression(raw: string): string;
  /**
   * A foreign key's ON DELETE / ON UPDATE action in canonical terms: null for the default
   * (NO ACTION) and for any action the database cannot tell apart from it (InnoDB: RESTRICT).
   * Optional; without it an action stays as given.
   */
  referentialAction?(action: ReferentialAction | null): ReferentialAction | null;
}

/** Turns one op into the statements that perform it on this dialect. */
export interface DdlCompiler {
  compile(op: OpNode): readonly string[];
}

/** Capabilities and session-level mechanics of a dialect (kysely's DialectAdapter). */
export interface DialectAdapter {
  /** DDL can be rolled back (PostgreSQL, SQLite); MySQL commits each DDL statement. */
  readonly supportsTransactionalDdl: boolean;
  /** Ops other than add column / create/drop index need move-and-copy (SQLite). */
  readonly requiresBatchRecreate: boolean;
  readonly beginStatement: string;
  readonly commitStatement: string;
  readonly rollbackStatement: string;
  /**
   * The run lock is a transaction (SQLite's `BEGIN EXCLUSIVE`): acquireRunLock opens it, so the
   * runtime must not send its own BEGIN, and COMMIT/ROLLBACK end the lock (releaseRunLock is
   * then a no-op). False where the lock is a session lock independent of transactions.
   */
  readonly runLockIsTransaction: boolean;
  /** Takes the migration run lock (pg_advisory_lock, GET_LOCK, BEGIN EXCLUSIVE); waits up to timeoutMs. */
  acquireRunLock(conn: Connection, o: { name: string; timeoutMs: number }): Promise<void>;
  releaseRunLock(conn: Connection, o: { name: string }): Promise<void>;
}

/** Everything autogen knows about one database dialect. */
export interface Dialect {
  readonly name: DialectName;
  readonly adapter: DialectAdapter;
  readonly canonical: Canonicalizer;
  /** A fresh compiler per compile: compilers hold state. */
  createDdlCompiler(): DdlCompiler;
  /** Quotes an identifier, always (reserved words, mixed case, quotes inside names). */
  quote(identifier: string): string;
  /** A JS value as a SQL literal (offline SQL, bulk inserts, version table statements). */
  literal(value: unknown): string;
  /**
   * The extensions a canonical column needs installed: its type's (citext) and its default's
   * functions' (uuid_generate_v4). Optional: dialects without extensions leave it out.
   */
  requiredExtensions?(column: Column): readonly string[];
}

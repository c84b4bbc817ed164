import { DEFAULT_VERSION_TABLE, revisionsTableName } from "@autogen/core";
import { BookkeepingTable } from "./bookkeeping-table";
import type { MigrationContext } from "./migration-context";
import type { VersionTableOptions } from "./version-table";

/** What wrote a row of the revisions table last. */
export type RevisionOperation = "upgrade" | "downgrade" | "stamp";

/** A row whose run started and was never recorded as finished (state `running`). */
export interface UnfinishedRun {
  revision: string;
  operation: RevisionOperation;
  /** CURRENT_TIMESTAMP when the run started, as the driver returns it; null if unknown. */
  startedAt: string | null;
}

// Many ids in one statement, but never an unbounded statement (a stamp of a long history).
const IDS_PER_STATEMENT = 500;

/**
 * The revisions table next to the version table (`autogen_version_revisions`, see
 * {@link revisionsTableName}): one row per revision this database has applied, written before a
 * revision's first statement (`running`) and after its version-table change (`applied`; a
 * downgrade deletes the row). On MySQL/MariaDB, where each DDL statement commits, a run killed
 * half way through a revision leaves its `running` row behind, so the next run can name the
 * revision instead of failing on "table already exists". `checksum` is reserved for the revision
 * file's content hash. The version table itself keeps its fixed shape.
 */
export class RevisionsTable extends BookkeepingTable {
  constructor(ctx: MigrationContext, o: VersionTableOptions = {}) {
    super(ctx, revisionsTableName(o.versionTable ?? DEFAULT_VERSION_TABLE), o.versionTableSchema);
  }

  /** The CREATE statement; IF NOT EXISTS, since every run (and every --sql script) starts with it. */
  get createStatement(): string {
    const time = this.ctx.impl.adapter.timestampType;
    return (
      `CREATE TABLE IF NOT EXISTS ${this.sqlName} (revision VARCHAR(32) NOT NULL, state VARCHAR(16) NOT NULL, ` +
      `operation VARCHAR(16) NOT NULL, checksum VARCHAR(64) NULL, started_at ${time} NULL, finished_at ${time} NULL, ` +
      `CONSTRAINT ${this.pkName} PRIMARY KEY (revision))`
    );
  }

  /** Creates the table, race-safe; a database migrated before it existed gets it on its next run. */
  async create(): Promise<void> {
    await this.createSafely(this.createStatement, async () => (await this.#select("1")) !== undefined);
  }

  /** The runs that started and never finished; none when the table does not exist (online only, outside a PostgreSQL transaction). */
  async readUnfinished(): Promise<UnfinishedRun[]> {
    const rows = await this.#select<{ revision: string; operation: string; started_at: unknown }>(
      `revision, operation, started_at`,
      `WHERE state = ${this.lit("running")}`,
    );
    return (rows ?? [])
      .map((r) => ({
        revision: String(r.revision),
        operation: String(r.operation) as RevisionOperation,
        startedAt: formatTime(r.started_at),
      }))
      .sort((a, b) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0));
  }

  /** Before a revision's first statement: its row says `running`. */
  async started(revision: string, operation: "upgrade" | "downgrade"): Promise<void> {
    await this.ctx.execute(`DELETE FROM ${this.sqlName} WHERE revision = ${this.lit(revision)}`);
    await this.ctx.execute(
      `INSERT INTO ${this.sqlName} (revision, state, operation, started_at) ` +
        `VALUES (${this.lit(revision)}, ${this.lit("running")}, ${this.lit(operation)}, CURRENT_TIMESTAMP)`,
    );
  }

  /** After the revision's version-table change: an upgraded revision is `applied`, a downgraded one forgotten. */
  async finished(revision: string, operation: "upgrade" | "downgrade"): Promise<void> {
    if (operation === "downgrade") await this.forget(revision);
    else await this.markApplied(revision);
  }

  /**
   * A revision that failed before any of its statements ran (non-transactional databases): back to
   * what it was, so that a rerun is not refused.
   */
  async abandoned(revision: string, operation: "upgrade" | "downgrade"): Promise<void> {
    if (operation === "upgrade") await this.forget(revision);
    else await this.markApplied(revision);
  }

  /** The row of an applied revision. */
  async markApplied(revision: string): Promise<void> {
    await this.ctx.execute(
      `UPDATE ${this.sqlName} SET state = ${this.lit("applied")}, finished_at = CURRENT_TIMESTAMP ` +
        `WHERE revision = ${this.lit(revision)}`,
    );
  }

  /** No row for a revision that is not applied. */
  async forget(revision: string): Promise<void> {
    await this.ctx.execute(`DELETE FROM ${this.sqlName} WHERE revision = ${this.lit(revision)}`);
  }

  /**
   * After a stamp: the user has said where the database is, so no run is left unfinished; the
   * revisions the stamp marked applied get a row, those it unmarked lose theirs.
   */
  async stamped(applied: readonly string[], unapplied: readonly string[]): Promise<void> {
    await this.ctx.execute(`DELETE FROM ${this.sqlName} WHERE state = ${this.lit("running")}`);
    for (const ids of chunks([...applied, ...unapplied].sort()))
      await this.ctx.execute(
        `DELETE FROM ${this.sqlName} WHERE revision IN (${ids.map((id) => this.lit(id)).join(", ")})`,
      );
    for (const ids of chunks([...applied].sort())) {
      const values = ids.map(
        (id) => `(${this.lit(id)}, ${this.lit("applied")}, ${this.lit("stamp")}, CURRENT_TIMESTAMP)`,
      );
      await this.ctx.execute(
        `INSERT INTO ${this.sqlName} (revision, state, operation, finished_at) VALUES ${values.join(", ")}`,
      );
    }
  }

  /** Deletes every row (`stamp --purge`: a clean slate for both tables). */
  async purge(): Promise<void> {
    await this.ctx.execute(`DELETE FROM ${this.sqlName}`);
  }

  /** Drops the table, with the version table (offline downgrade to base). */
  async drop(): Promise<void> {
    await this.ctx.execute(`DROP TABLE ${this.sqlName}`);
  }

  #select<R>(columns: string, where = ""): Promise<R[] | undefined> {
    return this.selectIfExists<R>(
      `SELECT ${columns} FROM ${this.sqlName}${where ? ` ${where}` : ""}`,
      "Reading the revisions table",
    );
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IDS_PER_STATEMENT) out.push(items.slice(i, i + IDS_PER_STATEMENT));
  return out;
}

/** A driver's time value as `YYYY-MM-DD HH:MM:SS UTC`, or null. */
function formatTime(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return value
      .toISOString()
      .replace("T", " ")
      .replace(/\.\d+Z$/, " UTC");
  // SQLite's CURRENT_TIMESTAMP is UTC text.
  const text = String(value);
  return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text) ? `${text} UTC` : text;
}

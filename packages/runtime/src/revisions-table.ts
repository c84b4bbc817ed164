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
 * revision instead of failing on "table already exists". `checksum` is the revision file's
 * content hash when it was upgraded or stamped (see revision-file-hash.ts); NULL on rows written
 * by an autogen that did not record it, which nothing warns about. The version table itself
 * keeps its fixed shape.
 */
export class RevisionsTable extends BookkeepingTable {
  constructor(ctx: MigrationContext, o: VersionTableOptions = {}) {
    super(ctx, revisionsTableName(o.versionTable ?? DEFAULT_VERSION_TABLE), o.versionTableSchema);
  }

  /**
   * The columns after `revision`, each with its definition in CREATE and the one that adds it to
   * a table an older autogen created without it (existing rows need a default where NOT NULL).
   */
  #columns(): { name: string; create: string; add: string }[] {
    const time = this.ctx.impl.adapter.timestampType;
    const notNull = (type: string, fill: string) => ({
      create: `${type} NOT NULL`,
      add: `${type} DEFAULT ${this.lit(fill)} NOT NULL`,
    });
    return [
      { name: "state", ...notNull("VARCHAR(16)", "applied") },
      { name: "operation", ...notNull("VARCHAR(16)", "upgrade") },
      { name: "checksum", create: "VARCHAR(64) NULL", add: "VARCHAR(64) NULL" },
      { name: "started_at", create: `${time} NULL`, add: `${time} NULL` },
      { name: "finished_at", create: `${time} NULL`, add: `${time} NULL` },
    ];
  }

  /** The CREATE statement; IF NOT EXISTS, since every run (and every --sql script) starts with it. */
  get createStatement(): string {
    const columns = this.#columns().map((c) => `${c.name} ${c.create}, `);
    return (
      `CREATE TABLE IF NOT EXISTS ${this.sqlName} (revision VARCHAR(32) NOT NULL, ${columns.join("")}` +
      `CONSTRAINT ${this.pkName} PRIMARY KEY (revision))`
    );
  }

  /** Creates the table, race-safe; a database migrated before it existed gets it on its next run. */
  async create(): Promise<void> {
    await this.createSafely(this.createStatement, async () => (await this.#select("1")) !== undefined);
  }

  /**
   * Adds the columns a table created by an older autogen lacks (e.g. `checksum`), so its next run
   * can write them. Online only, before the run's transaction on PostgreSQL: a column is missing
   * when selecting it fails. Nothing happens without the table.
   */
  async addMissingColumns(): Promise<void> {
    // One query in the usual case: every column is there.
    if (
      (await this.#select(["revision", ...this.#columns().map((c) => c.name)].join(", "), "WHERE 1 = 0")) !== undefined
    )
      return;
    if ((await this.#select("1", "WHERE 1 = 0")) === undefined) return;
    for (const column of this.#columns()) {
      if ((await this.#select(column.name, "WHERE 1 = 0")) !== undefined) continue;
      await this.ctx.execute(`ALTER TABLE ${this.sqlName} ADD COLUMN ${column.name} ${column.add}`);
    }
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

  /**
   * Before a revision's first statement: its row says `running`, with the hash of the file that
   * runs (an upgrade's; a downgrade's row goes away when it finishes).
   */
  async started(revision: string, operation: "upgrade" | "downgrade", checksum: string | null): Promise<void> {
    await this.ctx.execute(`DELETE FROM ${this.sqlName} WHERE revision = ${this.lit(revision)}`);
    const [column, value] = checksum === null ? ["", ""] : ["checksum, ", `${this.lit(checksum)}, `];
    await this.ctx.execute(
      `INSERT INTO ${this.sqlName} (revision, state, operation, ${column}started_at) ` +
        `VALUES (${this.lit(revision)}, ${this.lit("running")}, ${this.lit(operation)}, ${value}CURRENT_TIMESTAMP)`,
    );
  }

  /**
   * The applied revisions with a recorded hash (rows without one were written before hashes were
   * recorded); empty when the table, or its checksum column, does not exist. Online only.
   */
  async readChecksums(): Promise<Map<string, string>> {
    const rows = await this.#select<{ revision: string; checksum: string }>(
      `revision, checksum`,
      `WHERE state = ${this.lit("applied")} AND checksum IS NOT NULL`,
    );
    return new Map((rows ?? []).map((r) => [String(r.revision), String(r.checksum)]));
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
   * revisions the stamp marked applied get a row with their file's hash, those it unmarked lose
   * theirs.
   */
  async stamped(applied: ReadonlyMap<string, string | null>, unapplied: readonly string[]): Promise<void> {
    await this.ctx.execute(`DELETE FROM ${this.sqlName} WHERE state = ${this.lit("running")}`);
    for (const ids of chunks([...applied.keys(), ...unapplied].sort()))
      await this.ctx.execute(
        `DELETE FROM ${this.sqlName} WHERE revision IN (${ids.map((id) => this.lit(id)).join(", ")})`,
      );
    for (const ids of chunks([...applied.keys()].sort())) {
      const values = ids.map(
        (id) =>
          `(${this.lit(id)}, ${this.lit("applied")}, ${this.lit("stamp")}, ${this.#checksum(applied.get(id) ?? null)}, CURRENT_TIMESTAMP)`,
      );
      await this.ctx.execute(
        `INSERT INTO ${this.sqlName} (revision, state, operation, checksum, finished_at) VALUES ${values.join(", ")}`,
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

  #checksum(checksum: string | null): string {
    return checksum === null ? "NULL" : this.lit(checksum);
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

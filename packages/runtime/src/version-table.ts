import { CommandError, DEFAULT_VERSION_TABLE } from "@autogen/core";
import { BookkeepingTable } from "./bookkeeping-table";
import type { MigrationContext } from "./migration-context";

/** Name and schema of the version table (config `versionTable`, `versionTableSchema`). */
export interface VersionTableOptions {
  versionTable?: string;
  versionTableSchema?: string;
}

/** One change of the version table for one step, as the script package plans it. */
export type VersionChange =
  | { readonly op: "insert"; readonly version: string }
  | { readonly op: "update"; readonly from: string; readonly to: string }
  | { readonly op: "delete"; readonly version: string };

/**
 * The version table: `autogen_version (version_num varchar(32) not null, primary key)`, one
 * row per current head (alembic_version).
 */
export class VersionTable extends BookkeepingTable {
  constructor(ctx: MigrationContext, o: VersionTableOptions = {}) {
    super(ctx, o.versionTable ?? DEFAULT_VERSION_TABLE, o.versionTableSchema);
  }

  /** The CREATE statement; IF NOT EXISTS, so a second run (or a replayed script) is harmless. */
  get createStatement(): string {
    return `CREATE TABLE IF NOT EXISTS ${this.sqlName} (version_num VARCHAR(32) NOT NULL, CONSTRAINT ${this.pkName} PRIMARY KEY (version_num))`;
  }

  /**
   * The current heads, sorted; `undefined` when the table does not exist (online only). Must
   * run outside a PostgreSQL transaction (see `selectIfExists`).
   */
  async readHeads(): Promise<string[] | undefined> {
    const rows = await this.selectIfExists<{ version_num: string }>(
      `SELECT version_num FROM ${this.sqlName}`,
      "Reading the version table",
    );
    return rows?.map((r) => String(r.version_num)).sort();
  }

  /** Creates the table, race-safe. */
  async create(): Promise<void> {
    await this.createSafely(this.createStatement, async () => (await this.readHeads()) !== undefined);
  }

  /** Drops the table: offline, a downgrade that ends at base does (as Alembic's does). */
  async drop(): Promise<void> {
    await this.ctx.execute(`DROP TABLE ${this.sqlName}`);
  }

  /** Applies one step's changes; online, each UPDATE and DELETE must match exactly one row. */
  async apply(changes: readonly VersionChange[]): Promise<void> {
    for (const change of changes) await this.#applyOne(change);
  }

  /** Deletes every row (`stamp --purge`). */
  async purge(): Promise<void> {
    await this.ctx.execute(`DELETE FROM ${this.sqlName}`);
  }

  async #applyOne(change: VersionChange): Promise<void> {
    const lit = (v: string) => this.lit(v);
    switch (change.op) {
      case "insert":
        await this.ctx.execute(`INSERT INTO ${this.sqlName} (version_num) VALUES (${lit(change.version)})`);
        return;
      case "update":
        await this.#expectOneRow(
          `UPDATE ${this.sqlName} SET version_num = ${lit(change.to)} WHERE version_num = ${lit(change.from)}`,
          `updating '${change.from}' to '${change.to}'`,
        );
        return;
      case "delete":
        await this.#expectOneRow(
          `DELETE FROM ${this.sqlName} WHERE version_num = ${lit(change.version)}`,
          `deleting '${change.version}'`,
        );
        return;
    }
  }

  /** Offline there is no row count; online a count other than one means the table was changed behind our back. */
  async #expectOneRow(sql: string, what: string): Promise<void> {
    const count = await this.ctx.executeCounting(sql);
    if (count !== undefined && count !== 1) {
      throw new CommandError(
        `Online migration expected to match one row when ${what} in '${this.displayName}'; ${count} found`,
      );
    }
  }
}

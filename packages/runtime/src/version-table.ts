import { CommandError, DatabaseError } from "@autogen/core";
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

export const DEFAULT_VERSION_TABLE = "autogen_version";

/**
 * The version table: `autogen_version (version_num varchar(32) not null, primary key)`, one
 * row per current head (alembic_version). Every statement is literal SQL (`dialect.literal`),
 * so the online statements and the --sql text are the same strings.
 */
export class VersionTable {
  readonly #ctx: MigrationContext;
  /** For messages: `schema.table` or `table`, unquoted. */
  readonly displayName: string;
  /** For SQL: quoted and schema-qualified. */
  readonly #sqlName: string;
  readonly #pkName: string;

  constructor(ctx: MigrationContext, o: VersionTableOptions = {}) {
    this.#ctx = ctx;
    const name = o.versionTable ?? DEFAULT_VERSION_TABLE;
    const d = ctx.impl;
    this.displayName = o.versionTableSchema ? `${o.versionTableSchema}.${name}` : name;
    this.#sqlName = o.versionTableSchema ? `${d.quote(o.versionTableSchema)}.${d.quote(name)}` : d.quote(name);
    this.#pkName = d.quote(`${name}_pkc`);
  }

  /** The CREATE statement; IF NOT EXISTS, so a second run (or a replayed script) is harmless. */
  get createStatement(): string {
    return `CREATE TABLE IF NOT EXISTS ${this.#sqlName} (version_num VARCHAR(32) NOT NULL, CONSTRAINT ${this.#pkName} PRIMARY KEY (version_num))`;
  }

  /**
   * The current heads, sorted; `undefined` when the table does not exist (online only). Must
   * run outside a transaction on databases where a failed statement aborts it (PostgreSQL):
   * a missing table is detected by the failing SELECT.
   */
  async readHeads(): Promise<string[] | undefined> {
    const sql = `SELECT version_num FROM ${this.#sqlName}`;
    try {
      const { rows } = await this.#ctx.query<{ version_num: string }>(sql, "Reading the version table");
      return rows.map((r) => String(r.version_num)).sort();
    } catch (error) {
      if (!(error instanceof DatabaseError)) throw error;
      // Tell "no such table" from a broken connection: if the server still answers, the
      // table is what failed.
      await this.#ctx.query("SELECT 1", "Reading the version table").catch(() => {
        throw error;
      });
      return undefined;
    }
  }

  /**
   * Creates the table (kysely's habit: create if not exists; if that throws, check whether
   * the table now exists, so that two first runs racing each other cannot crash).
   */
  async create(): Promise<void> {
    try {
      await this.#ctx.execute(this.createStatement);
    } catch (error) {
      if (this.#ctx.isOffline || this.#ctx.inTransaction) throw error;
      if ((await this.readHeads()) === undefined) throw error;
    }
  }

  /** Applies one step's changes; online, each UPDATE and DELETE must match exactly one row. */
  async apply(changes: readonly VersionChange[]): Promise<void> {
    for (const change of changes) await this.#applyOne(change);
  }

  /** Deletes every row (`stamp --purge`). */
  async purge(): Promise<void> {
    await this.#ctx.execute(`DELETE FROM ${this.#sqlName}`);
  }

  async #applyOne(change: VersionChange): Promise<void> {
    const lit = (v: string) => this.#ctx.impl.literal(v);
    switch (change.op) {
      case "insert":
        await this.#ctx.execute(`INSERT INTO ${this.#sqlName} (version_num) VALUES (${lit(change.version)})`);
        return;
      case "update":
        await this.#expectOneRow(
          `UPDATE ${this.#sqlName} SET version_num = ${lit(change.to)} WHERE version_num = ${lit(change.from)}`,
          `updating '${change.from}' to '${change.to}'`,
        );
        return;
      case "delete":
        await this.#expectOneRow(
          `DELETE FROM ${this.#sqlName} WHERE version_num = ${lit(change.version)}`,
          `deleting '${change.version}'`,
        );
        return;
    }
  }

  /** Offline there is no row count; online a count other than one means the table was changed behind our back. */
  async #expectOneRow(sql: string, what: string): Promise<void> {
    const count = await this.#ctx.executeCounting(sql);
    if (count !== undefined && count !== 1) {
      throw new CommandError(
        `Online migration expected to match one row when ${what} in '${this.displayName}'; ${count} found`,
      );
    }
  }
}

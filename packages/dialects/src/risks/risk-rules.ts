import type { Column, OpNode, RiskCode } from "@autogen/core";

/** The kinds of constraint a revision may add to a table that has rows. */
export type ConstraintKind = "unique" | "primary" | "foreign" | "check" | "exclusion";

/**
 * What one dialect does to a live table for each kind of change: the data that
 * `classifyRisks` (one mechanism for every dialect) reads. Each dialect folder has one.
 */
export interface RiskRules {
  /** The product as messages name it (`PostgreSQL`, `MariaDB/MySQL`, `SQLite`). */
  readonly product: string;
  /**
   * How changing a column's type from canonical `from` to `to` rewrites its table, as the end
   * of a message (`rewrites table users under an ACCESS EXCLUSIVE lock`), or null when it runs
   * in place. `table` is the table's name for the message.
   */
  typeChangeRewrite(from: string, to: string, table: string): string | null;
  /**
   * How a type change alters the values it converts although every one converts (a
   * silent-data-change), as the end of a message; null or absent when values keep their text.
   */
  typeChangeAltersValues?(from: string, to: string): string | null;
  /** Risk codes of a narrowing type change: none where types are not enforced (SQLite). */
  readonly narrowing: readonly RiskCode[];
  /**
   * Adding a NOT NULL column without a default to a table with rows: it `fails`, or
   * the server fills the rows with the type's implicit default (MariaDB/MySQL's '' or 0).
   */
  readonly notNullWithoutDefault: "fails" | "fills-implicit-default";
  /** Setting NOT NULL on an existing column: how it treats the table beyond checking its rows, or null. */
  readonly setNotNull: { readonly code: RiskCode; readonly how: string } | null;
  /** CREATE INDEX blocks writes to its table while it builds, unless it runs CONCURRENTLY (null: the dialect has no such form). */
  readonly createIndexLock: { readonly how: string; readonly avoid: string | null } | null;
  /**
   * How validating a new unique, primary key, foreign key, check or exclusion constraint against an
   * existing table locks or copies it, as the end of a message, or null when it does neither.
   */
  constraintValidation(kind: ConstraintKind): {
    readonly code: RiskCode;
    readonly how: string;
  } | null;
  /**
   * How renaming a unique constraint or a foreign key rewrites its table (MariaDB/MySQL re-add
   * a foreign key, which copies the table), as a message end, or null.
   */
  renameConstraintRewrite(kind: "unique" | "foreign", table: string): string | null;
  /** Adding this column to an existing table copies the table (an identity or stored generated column), as a message end; else null. */
  addColumnRewrite(column: Column, table: string): string | null;
  /**
   * Whether this op on an existing table can only run by recreating the table and copying its
   * rows (SQLite's move-and-copy). Absent where ops alter in place.
   */
  recreatesTable?(op: OpNode): boolean;
}

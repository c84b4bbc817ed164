import { freeze } from "../freeze";
import type { Column } from "./column";
import type { CheckConstraint, ExclusionConstraint, ForeignKey, PrimaryKey, UniqueConstraint } from "./constraints";
import type { Index } from "./index-node";

/**
 * A table with everything autogenerate compares. `options` carries dialect table options
 * (MySQL `engine`, `charset`, `collation`; SQLite `withoutRowid`, `strict`).
 */
export interface Table {
  readonly kind: "Table";
  readonly schema: string | null;
  readonly name: string;
  readonly columns: readonly Column[];
  readonly primaryKey: PrimaryKey | null;
  readonly indexes: readonly Index[];
  readonly uniques: readonly UniqueConstraint[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly checks: readonly CheckConstraint[];
  /** PostgreSQL only. */
  readonly exclusions: readonly ExclusionConstraint[];
  readonly comment: string | null;
  readonly options: Readonly<Record<string, string>>;
}

export type TableProps = Omit<Table, "kind" | "name" | "columns">;

export const Table = freeze({
  is: (n: { kind: string }): n is Table => n.kind === "Table",
  create: (name: string, columns: readonly Column[], props: Partial<TableProps> = {}): Table =>
    freeze({
      kind: "Table",
      schema: props.schema ?? null,
      name,
      columns: [...columns],
      primaryKey: props.primaryKey ?? null,
      indexes: [...(props.indexes ?? [])],
      uniques: [...(props.uniques ?? [])],
      foreignKeys: [...(props.foreignKeys ?? [])],
      checks: [...(props.checks ?? [])],
      exclusions: [...(props.exclusions ?? [])],
      comment: props.comment ?? null,
      options: { ...(props.options ?? {}) },
    }),
  cloneWith: (t: Table, patch: Partial<Omit<Table, "kind">>): Table => freeze({ ...t, ...patch }),
  column: (t: Table, name: string): Column | undefined => t.columns.find((c) => c.name === name),
});

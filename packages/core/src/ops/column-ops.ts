import { freeze } from "../freeze";
import type { Column, ColumnChanges } from "../schema/column";
import type { QualifiedName } from "../schema/qualified-name";
import type { OpNode } from "./op-node";

export interface AddColumnOp extends OpNode {
  readonly kind: "AddColumnOp";
  readonly table: QualifiedName;
  readonly column: Column;
}
/** Carries the whole dropped column so that its reverse can re-add it. */
export interface DropColumnOp extends OpNode {
  readonly kind: "DropColumnOp";
  readonly table: QualifiedName;
  readonly column: Column;
}
/**
 * Changes aspects of one column. `modify` holds only what changes (`default: null` drops the
 * default, `name` renames); `existing` describes the column before the change as far as known
 * (MySQL's MODIFY COLUMN and SQLite batch need the full spec; reverse() needs the old values).
 */
export interface AlterColumnOp extends OpNode {
  readonly kind: "AlterColumnOp";
  readonly table: QualifiedName;
  readonly column: string;
  readonly modify: ColumnChanges;
  readonly existing: ColumnChanges;
  /** PostgreSQL `USING` expression for a type change that needs an explicit cast. */
  readonly using: string | null;
  /** A reviewer-facing warning (e.g. a narrowing type change), rendered as a comment. */
  readonly warning: string | null;
}

export const AddColumnOp = freeze({
  is: (op: OpNode): op is AddColumnOp => op.kind === "AddColumnOp",
  create: (table: QualifiedName, column: Column): AddColumnOp => freeze({ kind: "AddColumnOp", table, column }),
  reverse: (op: AddColumnOp): DropColumnOp => DropColumnOp.create(op.table, op.column),
});
export const DropColumnOp = freeze({
  is: (op: OpNode): op is DropColumnOp => op.kind === "DropColumnOp",
  create: (table: QualifiedName, column: Column): DropColumnOp => freeze({ kind: "DropColumnOp", table, column }),
  reverse: (op: DropColumnOp): AddColumnOp => AddColumnOp.create(op.table, op.column),
});
export const AlterColumnOp = freeze({
  is: (op: OpNode): op is AlterColumnOp => op.kind === "AlterColumnOp",
  create: (
    table: QualifiedName,
    column: string,
    modify: ColumnChanges,
    existing: ColumnChanges = {},
    o: { using?: string | null; warning?: string | null } = {},
  ): AlterColumnOp =>
    freeze({
      kind: "AlterColumnOp",
      table,
      column,
      modify: { ...modify },
      existing: { ...existing },
      using: o.using ?? null,
      warning: o.warning ?? null,
    }),
  cloneWith: (op: AlterColumnOp, patch: Partial<Omit<AlterColumnOp, "kind">>): AlterColumnOp =>
    freeze({ ...op, ...patch }),
  /** Swaps modify and existing: the old values become the change, the new ones the existing state. */
  reverse: (op: AlterColumnOp): AlterColumnOp => {
    const back: Record<string, unknown> = {};
    for (const key of Object.keys(op.modify) as (keyof ColumnChanges)[]) {
      back[key] = key === "name" ? op.column : (op.existing[key] ?? null);
    }
    const existing = { ...op.existing, ...op.modify };
    delete (existing as { name?: string }).name;
    return AlterColumnOp.create(op.table, op.modify.name ?? op.column, back as ColumnChanges, existing);
  },
});

import {
  AddColumnOp,
  AlterColumnOp,
  DropColumnOp,
  type Column,
  type ColumnChanges,
  type ColumnProps,
  type OpNode,
  type QualifiedName,
} from "@autogen/core";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Every settable column property: what `existing` records of the reflected column. */
const COLUMN_PROPS: readonly (keyof ColumnProps)[] = [
  "type",
  "nullable",
  "default",
  "comment",
  "autoIncrement",
  "identity",
  "generated",
  "collation",
  "charset",
  "onUpdate",
];

/**
 * The changes column comparators collect for one existing column. Mutable inside compare only;
 * {@link toOps} turns it into frozen ops: nothing, one AlterColumnOp carrying the full existing
 * column (so its reverse is a runnable downgrade, and MySQL can write a complete MODIFY), or,
 * when a change cannot be made in place, a drop and re-add of the column.
 */
export class AlterColumnDraft {
  readonly modify: Mutable<ColumnChanges> = {};
  readonly warnings: string[] = [];
  /** Set by a comparator when the column must be dropped and added again (a generated column's expression). */
  replace = false;

  constructor(
    readonly table: QualifiedName,
    readonly target: Column,
    readonly reflected: Column,
  ) {}

  /** The reflected column as AlterColumnOp's `existing`. */
  existing(): ColumnChanges {
    const out: Record<string, unknown> = {};
    for (const k of COLUMN_PROPS) out[k] = this.reflected[k];
    return out as ColumnChanges;
  }

  get isEmpty(): boolean {
    return !this.replace && Object.keys(this.modify).length === 0;
  }

  toOps(): OpNode[] {
    if (this.replace)
      return [DropColumnOp.create(this.table, this.reflected), AddColumnOp.create(this.table, this.target)];
    if (this.isEmpty) return [];
    // Properties in the fixed COLUMN_PROPS order, so the rendered call is stable.
    const modify: Record<string, unknown> = {};
    for (const k of [...COLUMN_PROPS, "name" as const]) if (k in this.modify) modify[k] = this.modify[k];
    const warning = this.warnings.length ? this.warnings.join("\n") : null;
    return [
      AlterColumnOp.create(this.table, this.reflected.name, modify as ColumnChanges, this.existing(), { warning }),
    ];
  }
}

import type { BatchAlterTableOp, OpNode, QualifiedName, Table } from "@autogen/core";

/** The items a {@link RenderItemHook} is asked about (Alembic's render_item type strings, plus `index`). */
export type RenderItemType =
  "column" | "type" | "server_default" | "primary_key" | "foreign_key" | "unique" | "check" | "index";

/** What a renderItem hook sees besides the item: the file's import set, which it may add to. */
export interface RenderItemContext {
  /** Import statements the file needs; a hook that renders a helper adds its import here. */
  readonly imports: Set<string>;
  /** True while rendering inside a `batchAlterTable` block. */
  readonly inBatch: boolean;
}

/**
 * Alembic's `render_item`: return the code to print for the item, or `false`/`null`/`undefined`
 * to let the default rendering run.
 */
export type RenderItemHook = (
  type: RenderItemType,
  obj: unknown,
  ctx: RenderItemContext,
) => string | false | null | undefined;

/** The definition a batch block starts from, rendered as its `copyFrom`. */
export interface BatchTableDefinition {
  readonly table: Table;
  /** The table's CREATE TRIGGER statements (a recreate drops them; offline nothing can read them). */
  readonly triggers: readonly string[];
}

/**
 * Asked once per batch block, in the order the blocks are rendered, with the block's table, ops
 * and `recreate` option: the table as it is before the block, or undefined to render no `copyFrom` (a block that
 * runs in place, a table it does not know).
 */
export type BatchTableSource = (
  table: QualifiedName,
  ops: readonly OpNode[],
  recreate: BatchAlterTableOp["recreate"],
) => BatchTableDefinition | undefined;

/** Options for {@link renderMigrationScript}. */
export interface RenderOptions {
  /** The Create Date in the header; now when omitted. Rendered in UTC. */
  createDate?: Date;
  renderItem?: RenderItemHook;
  /** Render each ModifyTableOps as an `op.batchAlterTable` block (SQLite's move-and-copy). */
  renderAsBatch?: boolean;
  /**
   * Where the batch blocks of upgrade() and of downgrade() get their `copyFrom` (the table as it
   * is before the block), so that `upgrade --sql` can write a whole recreate. Autogenerate
   * passes the reflected tables (and, for downgrade(), those tables with the upgrade applied).
   */
  copyFrom?: { upgrade: BatchTableSource; downgrade: BatchTableSource };
}

/** The state one render carries through the op renderers. */
export interface RenderContext extends RenderItemContext {
  readonly renderItem: RenderItemHook | null;
  readonly renderAsBatch: boolean;
  /** Renders a nested op (containers use it); returns unindented lines. */
  readonly render: (ctx: RenderContext, op: OpNode) => string[];
  /** The table a batch block is altering, or null at the top level. */
  readonly batchTable: QualifiedName | null;
  /** Where batch blocks of the body being rendered get their `copyFrom`; null for none. */
  readonly copyFrom?: BatchTableSource | null;
}

/** A renderer for one op kind: the op's lines of code, unindented (nested blocks indent themselves). */
export type OpRenderer<T extends OpNode = OpNode> = (ctx: RenderContext, op: T) => string[];

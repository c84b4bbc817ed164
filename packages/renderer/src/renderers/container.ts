import {
  BATCHABLE_OP_KINDS,
  UnsupportedOpError,
  type BatchAlterTableOp,
  type ModifyTableOps,
  type OpNode,
  type QualifiedName,
} from "@autogen/core";
import { indent, litLines } from "../layout";
import { lit } from "../lit";
import type { BatchTableDefinition, RenderContext } from "../render-context";
import { schemaOption } from "../table-call";
import { tableArguments } from "./table";

function renderBatchBlock(
  ctx: RenderContext,
  table: QualifiedName,
  ops: readonly OpNode[],
  recreate: BatchAlterTableOp["recreate"],
): string[] {
  const inner: RenderContext = { ...ctx, batchTable: table, inBatch: true };
  const body = ops.flatMap((op) => {
    if (!BATCHABLE_OP_KINDS.has(op.kind)) throw new UnsupportedOpError(op.kind, "batchAlterTable");
    return ctx.render(inner, op);
  });
  const o: Record<string, unknown> = { ...schemaOption(table), ...(recreate !== "auto" ? { recreate } : {}) };
  const source = ctx.copyFrom?.(table, ops, recreate);
  if (source) o.copyFrom = copyFromValue(ctx, source);
  const open = `await op.batchAlterTable(${lit(table.name)}, async (batch) => {`;
  if (!source) return [open, ...indent(body), Object.keys(o).length ? `}, ${lit(o)});` : "});"];
  // The table definition, one entry per line as createTable's: `}, {` ... `});`.
  const options = litLines(o, 3);
  return [open, ...indent(body), `}, ${options[0]}`, ...options.slice(1, -1), `${options.at(-1)});`];
}

/** A batch block's `copyFrom`: the table before the block as createTable's arguments, and its triggers. */
function copyFromValue(ctx: RenderContext, source: BatchTableDefinition): Record<string, unknown> {
  const { columns, options } = tableArguments(ctx, source.table);
  // The block's own `schema` option names the table's schema.
  const { schema: _schema, ...rest } = options;
  return { columns, ...rest, ...(source.triggers.length ? { triggers: source.triggers } : {}) };
}

export const renderBatchAlterTable = (ctx: RenderContext, op: BatchAlterTableOp): string[] =>
  renderBatchBlock(ctx, op.table, op.ops, op.recreate);

/**
 * A table's ops, flat as Alembic renders them; with `renderAsBatch`, each run of batchable ops
 * becomes one batch block, while ops a batch cannot hold (table comments, raw SQL) stay at the
 * top level in their place, so the order of the ops is kept.
 */
export function renderModifyTableOps(ctx: RenderContext, op: ModifyTableOps): string[] {
  if (!ctx.renderAsBatch || ctx.batchTable !== null) return op.ops.flatMap((child) => ctx.render(ctx, child));
  const lines: string[] = [];
  let run: OpNode[] = [];
  const flush = (): void => {
    if (run.length) lines.push(...renderBatchBlock(ctx, op.table, run, "auto"));
    run = [];
  };
  for (const child of op.ops) {
    if (BATCHABLE_OP_KINDS.has(child.kind)) run.push(child);
    else {
      flush();
      lines.push(...ctx.render(ctx, child));
    }
  }
  flush();
  return lines;
}

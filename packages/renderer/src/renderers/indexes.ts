import { fromIndex, type CreateIndexOp, type DropIndexOp, type RenameIndexOp } from "@autogen/core";
import type { RenderContext } from "../render-context";
import { renderTableCall, TABLE } from "../table-call";

export function renderCreateIndex(ctx: RenderContext, op: CreateIndexOp): string[] {
  const { name, columns, ...rest } = fromIndex(op.index);
  return [
    renderTableCall(ctx, "createIndex", op.table, [name, TABLE, columns], {
      ...rest,
      concurrently: op.concurrently || undefined,
    }),
  ];
}

export const renderDropIndex = (ctx: RenderContext, op: DropIndexOp): string[] => [
  renderTableCall(ctx, "dropIndex", op.table, [op.index.name, TABLE]),
];

/** The index's definition goes along: SQLite has no index rename and creates it again. */
export function renderRenameIndex(ctx: RenderContext, op: RenameIndexOp): string[] {
  const { name, columns, ...rest } = fromIndex(op.index);
  return [renderTableCall(ctx, "renameIndex", op.table, [name, op.newName, TABLE, columns], rest)];
}

import type { CreateTableCommentOp, DropTableCommentOp } from "@autogen/core";
import { lit } from "../lit";
import type { RenderContext } from "../render-context";
import { schemaOption } from "../table-call";

const opts = (o: Record<string, unknown>): string => (Object.keys(o).length ? `, ${lit(o)}` : "");

export const renderCreateTableComment = (_ctx: RenderContext, op: CreateTableCommentOp): string[] => [
  `await op.createTableComment(${lit(op.table.name)}, ${lit(op.comment)}${opts({
    ...(op.existingComment !== null ? { existingComment: op.existingComment } : {}),
    ...schemaOption(op.table),
  })});`,
];

export const renderDropTableComment = (_ctx: RenderContext, op: DropTableCommentOp): string[] => [
  `await op.dropTableComment(${lit(op.table.name)}${opts({
    ...(op.existingComment !== null ? { existingComment: op.existingComment } : {}),
    ...schemaOption(op.table),
  })});`,
];

import { freeze } from "../freeze";
import type { QualifiedName } from "../schema/qualified-name";
import type { OpNode } from "./op-node";

export interface CreateTableCommentOp extends OpNode {
  readonly kind: "CreateTableCommentOp";
  readonly table: QualifiedName;
  readonly comment: string;
  readonly existingComment: string | null;
}
export interface DropTableCommentOp extends OpNode {
  readonly kind: "DropTableCommentOp";
  readonly table: QualifiedName;
  readonly existingComment: string | null;
}

export const CreateTableCommentOp = freeze({
  is: (op: OpNode): op is CreateTableCommentOp => op.kind === "CreateTableCommentOp",
  create: (table: QualifiedName, comment: string, existingComment: string | null = null): CreateTableCommentOp =>
    freeze({ kind: "CreateTableCommentOp", table, comment, existingComment }),
  reverse: (op: CreateTableCommentOp): CreateTableCommentOp | DropTableCommentOp =>
    op.existingComment === null
      ? DropTableCommentOp.create(op.table, op.comment)
      : CreateTableCommentOp.create(op.table, op.existingComment, op.comment),
});
export const DropTableCommentOp = freeze({
  is: (op: OpNode): op is DropTableCommentOp => op.kind === "DropTableCommentOp",
  create: (table: QualifiedName, existingComment: string | null = null): DropTableCommentOp =>
    freeze({ kind: "DropTableCommentOp", table, existingComment }),
  reverse: (op: DropTableCommentOp): CreateTableCommentOp =>
    CreateTableCommentOp.create(op.table, op.existingComment ?? "", null),
});

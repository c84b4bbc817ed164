import { CreateTableCommentOp, DropTableCommentOp, type Table } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import type { AlterColumnDraft } from "../drafts/alter-column-draft";
import type { ModifyTableDraft } from "../drafts/modify-table-draft";
import { Priority, STOP, type CompareResult, type ComparatorRegistry } from "../registry";

export function compareColumnComment(_ctx: CompareContext, d: AlterColumnDraft): CompareResult | void {
  if (d.target.comment !== d.reflected.comment) d.modify.comment = d.target.comment;
}

export function compareTableComment(
  _ctx: CompareContext,
  d: ModifyTableDraft,
  target: Table,
  reflected: Table,
): CompareResult | void {
  if (target.comment === reflected.comment) return;
  d.add(
    "comment",
    "",
    target.comment === null
      ? DropTableCommentOp.create(d.name, reflected.comment)
      : CreateTableCommentOp.create(d.name, target.comment, reflected.comment),
  );
}

/** Where the dialect has no comments (SQLite), a comment in the model can never reach the database: never a difference. */
const ignoreCommentsWithoutSupport = (ctx: CompareContext): CompareResult | void =>
  ctx.impl.adapter.supportsComments ? undefined : STOP;

export function setup(r: ComparatorRegistry): void {
  r.register("column", "comment", ignoreCommentsWithoutSupport, { priority: Priority.Last });
  r.register("column", "comment", compareColumnComment, { priority: Priority.Last });
  r.register("table", "comment", ignoreCommentsWithoutSupport, { priority: Priority.Last });
  r.register("table", "comment", compareTableComment, { priority: Priority.Last });
}

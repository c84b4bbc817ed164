import { UnsupportedOpError, risksOf, type BuiltinOpKind, type BuiltinOps, type OpNode } from "@autogen/core";
import { riskComment } from "./risk-comment";
import type { OpRenderer, RenderContext, RenderItemHook } from "./render-context";
import { renderAddColumn, renderAlterColumn, renderDropColumn } from "./renderers/column";
import { renderCreateTableComment, renderDropTableComment } from "./renderers/comment";
import {
  renderCreateCheckConstraint,
  renderCreateExclusionConstraint,
  renderCreateForeignKey,
  renderCreatePrimaryKey,
  renderCreateUniqueConstraint,
  renderDropConstraint,
  renderRenameConstraint,
} from "./renderers/constraint";
import { renderBatchAlterTable, renderModifyTableOps } from "./renderers/container";
import {
  renderAddEnumValue,
  renderCreateEnum,
  renderCreateExtension,
  renderCreateSchema,
  renderDropEnum,
  renderDropExtension,
  renderDropSchema,
  renderRecreateEnum,
  renderRenameEnumValue,
} from "./renderers/enum";
import { renderCreateIndex, renderDropIndex, renderRenameIndex } from "./renderers/indexes";
import { renderBulkInsert, renderExecuteSql } from "./renderers/sql";
import { renderCreateTable, renderDropTable, renderRenameTable } from "./renderers/table";
import { renderCreateView, renderDropView, renderReplaceView } from "./renderers/view";

/** Exhaustive: a new built-in op kind without a renderer does not compile. */
const RENDERERS: { [K in BuiltinOpKind]: OpRenderer<BuiltinOps[K]> } = {
  CreateTableOp: renderCreateTable,
  DropTableOp: renderDropTable,
  RenameTableOp: renderRenameTable,
  AddColumnOp: renderAddColumn,
  DropColumnOp: renderDropColumn,
  AlterColumnOp: renderAlterColumn,
  CreateIndexOp: renderCreateIndex,
  DropIndexOp: renderDropIndex,
  RenameIndexOp: renderRenameIndex,
  CreateUniqueConstraintOp: renderCreateUniqueConstraint,
  CreateForeignKeyOp: renderCreateForeignKey,
  CreateCheckConstraintOp: renderCreateCheckConstraint,
  CreateExclusionConstraintOp: renderCreateExclusionConstraint,
  CreatePrimaryKeyOp: renderCreatePrimaryKey,
  DropConstraintOp: renderDropConstraint,
  RenameConstraintOp: renderRenameConstraint,
  CreateTableCommentOp: renderCreateTableComment,
  DropTableCommentOp: renderDropTableComment,
  ExecuteSQLOp: renderExecuteSql,
  BulkInsertOp: renderBulkInsert,
  CreateEnumOp: renderCreateEnum,
  DropEnumOp: renderDropEnum,
  AddEnumValueOp: renderAddEnumValue,
  RecreateEnumOp: renderRecreateEnum,
  RenameEnumValueOp: renderRenameEnumValue,
  CreateExtensionOp: renderCreateExtension,
  DropExtensionOp: renderDropExtension,
  CreateSchemaOp: renderCreateSchema,
  DropSchemaOp: renderDropSchema,
  CreateViewOp: renderCreateView,
  DropViewOp: renderDropView,
  ReplaceViewOp: renderReplaceView,
  BatchAlterTableOp: renderBatchAlterTable,
  ModifyTableOps: renderModifyTableOps,
};

/** Custom op kinds, and built-in ones whose renderer was replaced. */
const customRenderers = new Map<string, OpRenderer>();

/**
 * Registers the renderer of a custom op kind (e.g. the replaceable-object recipe's
 * `CreateFunctionOp` rendering `await op.createFunction(...)`), or replaces a built-in one, as
 * Alembic's `renderers.dispatch_for` does. The function returns the op's lines of code.
 */
export function registerRenderer(kind: string, fn: OpRenderer): void {
  customRenderers.set(kind, fn);
}

/**
 * Renders one op; an op kind with no renderer is an error, never skipped. The op's risks (if
 * it was classified) come first, one comment line each, so a pull request shows them next to it.
 */
export function renderOp(ctx: RenderContext, op: OpNode): string[] {
  const fn = customRenderers.get(op.kind) ?? (RENDERERS as unknown as Record<string, OpRenderer | undefined>)[op.kind];
  if (!fn) throw new UnsupportedOpError(op.kind, "the renderer");
  return [...risksOf(op).map(riskComment), ...fn(ctx, op)];
}

/** A fresh context for one render. */
export function createRenderContext(
  o: { renderItem?: RenderItemHook; renderAsBatch?: boolean; imports?: Iterable<string> } = {},
): RenderContext {
  return {
    imports: new Set(o.imports ?? []),
    inBatch: false,
    renderItem: o.renderItem ?? null,
    renderAsBatch: o.renderAsBatch ?? false,
    render: renderOp,
    batchTable: null,
  };
}

/** Renders a list of ops as lines of code (unindented), e.g. for `autogen check`'s summary. */
export function renderOps(
  ops: readonly OpNode[],
  o: { renderItem?: RenderItemHook; renderAsBatch?: boolean } = {},
): string[] {
  const ctx = createRenderContext(o);
  return ops.flatMap((op) => renderOp(ctx, op));
}

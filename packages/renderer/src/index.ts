export { lit, code, type Code } from "./lit";
export type {
  RenderOptions,
  RenderItemHook,
  RenderItemType,
  RenderItemContext,
  RenderContext,
  OpRenderer,
  BatchTableDefinition,
  BatchTableSource,
} from "./render-context";
export { renderMigrationScript, formatCreateDate, BEGIN_MARKER, END_MARKER } from "./render-migration-script";
export { registerRenderer, renderOp, renderOps, createRenderContext } from "./render-op";
export { riskComment } from "./risk-comment";
export { renderTableCall, TABLE } from "./table-call";
export { runPostWriteHooks, splitArgs, type PostWriteHook } from "./post-write-hooks";
export {
  Rewriter,
  toProcessRevisionDirectives,
  type RewriteFn,
  type RewriteTarget,
  type RevisionArg,
  type ProcessRevisionDirectivesFn,
} from "./rewriter";
export { opInWords, tablesTouched } from "./op-words";

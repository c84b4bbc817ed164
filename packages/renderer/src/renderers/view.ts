import type { OpNode, QualifiedName } from "@autogen/core";
import { lit } from "../lit";
import type { RenderContext } from "../render-context";
import { schemaOption } from "../table-call";

/**
 * Renderers for runtime's replaceable-object ops (recipes/replaceable-objects.ts), which
 * autogenerate emits for views. The shapes are read structurally so that the renderer does
 * not load the runtime; they must match runtime's CreateViewOp/DropViewOp/ReplaceViewOp.
 */
interface ViewOpShape extends OpNode {
  readonly view: QualifiedName;
  readonly definition?: string;
  readonly existingDefinition?: string | null;
}

const opts = (o: Record<string, unknown>): string => (Object.keys(o).length ? `, ${lit(o)}` : "");
const existing = (op: ViewOpShape): Record<string, unknown> =>
  op.existingDefinition != null ? { existingDefinition: op.existingDefinition } : {};

export const renderCreateView = (_ctx: RenderContext, op: OpNode): string[] => {
  const v = op as ViewOpShape;
  return [`await op.createView(${lit(v.view.name)}, ${lit(v.definition)}${opts(schemaOption(v.view))});`];
};

/** The dropped definition is kept so that the downgrade (and a reader) can recreate the view. */
export const renderDropView = (_ctx: RenderContext, op: OpNode): string[] => {
  const v = op as ViewOpShape;
  return [`await op.dropView(${lit(v.view.name)}${opts({ ...existing(v), ...schemaOption(v.view) })});`];
};

export const renderReplaceView = (_ctx: RenderContext, op: OpNode): string[] => {
  const v = op as ViewOpShape;
  return [
    `await op.replaceView(${lit(v.view.name)}, ${lit(v.definition)}${opts({ ...existing(v), ...schemaOption(v.view) })});`,
  ];
};

/** The view op kinds and their renderers, registered by default. */
export const VIEW_RENDERERS: Readonly<
  Record<"CreateViewOp" | "DropViewOp" | "ReplaceViewOp", (ctx: RenderContext, op: OpNode) => string[]>
> = {
  CreateViewOp: renderCreateView,
  DropViewOp: renderDropView,
  ReplaceViewOp: renderReplaceView,
};

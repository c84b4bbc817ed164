import type { CreateViewOp, DropViewOp, ReplaceViewOp } from "@autogen/core";
import { lit } from "../lit";
import type { RenderContext } from "../render-context";
import { schemaOption } from "../table-call";

const opts = (o: Record<string, unknown>): string => (Object.keys(o).length ? `, ${lit(o)}` : "");
const existing = (op: DropViewOp | ReplaceViewOp): Record<string, unknown> =>
  op.existingDefinition !== null ? { existingDefinition: op.existingDefinition } : {};

export const renderCreateView = (_ctx: RenderContext, op: CreateViewOp): string[] => [
  `await op.createView(${lit(op.view.name)}, ${lit(op.definition)}${opts(schemaOption(op.view))});`,
];

/** The dropped definition is kept so that the downgrade (and a reader) can recreate the view. */
export const renderDropView = (_ctx: RenderContext, op: DropViewOp): string[] => [
  `await op.dropView(${lit(op.view.name)}${opts({ ...existing(op), ...schemaOption(op.view) })});`,
];

export const renderReplaceView = (_ctx: RenderContext, op: ReplaceViewOp): string[] => [
  `await op.replaceView(${lit(op.view.name)}, ${lit(op.definition)}${opts({ ...existing(op), ...schemaOption(op.view) })});`,
];

import { code, type Code } from "./lit";
import type { RenderContext, RenderItemType } from "./render-context";

/**
 * Asks the user's renderItem hook about one item. A string replaces the default rendering
 * (as code, printed verbatim); anything else keeps `fallback`.
 */
export function renderItemOr<T>(ctx: RenderContext, type: RenderItemType, obj: unknown, fallback: T): T | Code {
  if (!ctx.renderItem) return fallback;
  const custom = ctx.renderItem(type, obj, ctx);
  return typeof custom === "string" ? code(custom) : fallback;
}

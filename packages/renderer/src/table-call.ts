import type { QualifiedName } from "@autogen/core";
import { lit } from "./lit";
import type { RenderContext } from "./render-context";

/** Placeholder for the table argument: the table name at the top level, left out in a batch block. */
export const TABLE: unique symbol = Symbol("table");

/**
 * Renders a one-line call on a table: `await op.method(args..., { ...options, schema })` at the
 * top level, `await batch.method(args without the table, { ...options })` inside a batch block
 * (where the table and its schema are implied). The options object is left out when empty.
 */
export function renderTableCall(
  ctx: RenderContext,
  method: string,
  table: QualifiedName,
  args: readonly unknown[],
  options: Record<string, unknown> = {},
): string {
  const inBatch = ctx.batchTable !== null;
  const rendered = args.filter((a) => !(inBatch && a === TABLE)).map((a) => (a === TABLE ? lit(table.name) : lit(a)));
  const opts: Record<string, unknown> = { ...options };
  if (!inBatch && table.schema !== null) opts.schema = table.schema;
  if (Object.values(opts).some((v) => v !== undefined)) rendered.push(lit(opts));
  return `await ${inBatch ? "batch" : "op"}.${method}(${rendered.join(", ")});`;
}

/** `{ schema }` when the name is schema-qualified, for calls that are never batched. */
export const schemaOption = (q: { schema: string | null }): { schema?: string } =>
  q.schema !== null ? { schema: q.schema } : {};

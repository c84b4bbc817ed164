import type { BulkInsertOp, ExecuteSQLOp } from "@autogen/core";
import { lit } from "../lit";
import type { RenderContext } from "../render-context";
import { schemaOption } from "../table-call";

export const renderExecuteSql = (_ctx: RenderContext, op: ExecuteSQLOp): string[] => [
  `await op.execute(${lit(op.sql)});`,
];

export function renderBulkInsert(_ctx: RenderContext, op: BulkInsertOp): string[] {
  const o = schemaOption(op.table);
  return [`await op.bulkInsert(${lit(op.table.name)}, ${lit(op.rows)}${Object.keys(o).length ? `, ${lit(o)}` : ""});`];
}

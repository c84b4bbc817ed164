import {
  fromCheck,
  fromForeignKey,
  fromIndex,
  fromTable,
  fromUnique,
  type CreateTableOp,
  type DropTableOp,
  type RenameTableOp,
} from "@autogen/core";
import { lit } from "../lit";
import { litLines, multilineCall } from "../layout";
import type { RenderContext } from "../render-context";
import { renderItemOr } from "../render-item";
import { schemaOption } from "../table-call";
import { renderColumnValue } from "./column";

/**
 * `op.createTable(name, columns, options)` from core's fromTable, laid out as prettier would:
 * one column per line (name, type, nullability, default together), then the constraints and
 * indexes one per line. Each column and constraint goes through the renderItem hook.
 */
export function renderCreateTable(ctx: RenderContext, op: CreateTableOp): string[] {
  const t = op.table;
  const [name, columnInputs, options] = fromTable(t);
  const pkOnColumns = columnInputs.some((c) => c.primaryKey === true);
  const columns = t.columns.map((c) =>
    renderColumnValue(ctx, c, { primaryKey: pkOnColumns && (t.primaryKey?.columns.includes(c.name) ?? false) }),
  );
  const o: Record<string, unknown> = { ...options };
  if (options.primaryKey && t.primaryKey)
    o.primaryKey = renderItemOr(ctx, "primary_key", t.primaryKey, options.primaryKey);
  if (options.uniques) o.uniques = t.uniques.map((u) => renderItemOr(ctx, "unique", u, fromUnique(u)));
  if (options.foreignKeys)
    o.foreignKeys = t.foreignKeys.map((f) => renderItemOr(ctx, "foreign_key", f, fromForeignKey(f)));
  if (options.checks) o.checks = t.checks.map((c) => renderItemOr(ctx, "check", c, fromCheck(c)));
  if (options.indexes) o.indexes = t.indexes.map((i) => renderItemOr(ctx, "index", i, fromIndex(i)));
  const args = [[lit(name)], litLines(columns, 1)];
  if (Object.keys(o).length) args.push(litLines(o, 2));
  return multilineCall("op.createTable", args);
}

/** Only the name is rendered: the reflected table the op carries is for its reverse (createTable in downgrade). */
export const renderDropTable = (_ctx: RenderContext, op: DropTableOp): string[] => {
  const opts = schemaOption(op.table);
  return [`await op.dropTable(${lit(op.table.name)}${Object.keys(opts).length ? `, ${lit(opts)}` : ""});`];
};

export const renderRenameTable = (_ctx: RenderContext, op: RenameTableOp): string[] => {
  const opts = schemaOption(op.table);
  return [
    `await op.renameTable(${lit(op.table.name)}, ${lit(op.newName)}${Object.keys(opts).length ? `, ${lit(opts)}` : ""});`,
  ];
};

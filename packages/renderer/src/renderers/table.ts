import {
  fromCheck,
  fromForeignKey,
  fromIndex,
  fromTable,
  fromUnique,
  type CreateTableOp,
  type DropTableOp,
  type RenameTableOp,
  type Table,
} from "@autogen/core";
import { code, lit } from "../lit";
import { litLines, multilineCall } from "../layout";
import type { RenderContext } from "../render-context";
import { renderItemOr } from "../render-item";
import { schemaOption } from "../table-call";
import { renderColumnValue } from "./column";

/**
 * `op.createTable(name, columns, options)` from core's fromTable, laid out as prettier would:
 * one column per line (name, type, nullability, default together), then the constraints and
 * indexes one per line. Each column and constraint goes through the renderItem hook.
 *
 * The file reads the same on every database: the primary key is always the `primaryKey` table
 * option (`{ name, columns }`, the name left out where the database has none to keep, as
 * MariaDB's `PRIMARY` and SQLite's), never a column flag, and it is one line like every other
 * constraint.
 */
export function renderCreateTable(ctx: RenderContext, op: CreateTableOp): string[] {
  const { name, columns, options } = tableArguments(ctx, op.table);
  const args = [[lit(name)], litLines(columns, 1)];
  if (Object.keys(options).length) args.push(litLines(options, 2));
  return multilineCall("op.createTable", args);
}

/**
 * A table as `op.createTable`'s arguments (core's fromTable), each column and constraint through
 * the renderItem hook; also a batch block's `copyFrom`.
 */
export function tableArguments(
  ctx: RenderContext,
  t: Table,
): { name: string; columns: unknown[]; options: Record<string, unknown> } {
  const [name, , options] = fromTable(t);
  const columns = t.columns.map((c) => renderColumnValue(ctx, c));
  // The options in one order on every dialect: schema, primaryKey, then the rest as fromTable has them.
  const { schema, primaryKey: _columnsOrOption, ...rest } = options;
  const o: Record<string, unknown> = { ...(schema !== undefined && { schema }) };
  if (t.primaryKey) {
    const pk = t.primaryKey;
    const input = { ...(pk.name !== null && { name: pk.name }), columns: [...pk.columns] };
    // One line, as each unique or foreign key is.
    o.primaryKey = code(lit(renderItemOr(ctx, "primary_key", pk, input)));
  }
  Object.assign(o, rest);
  if (options.uniques) o.uniques = t.uniques.map((u) => renderItemOr(ctx, "unique", u, fromUnique(u)));
  if (options.foreignKeys)
    o.foreignKeys = t.foreignKeys.map((f) => renderItemOr(ctx, "foreign_key", f, fromForeignKey(f)));
  if (options.checks) o.checks = t.checks.map((c) => renderItemOr(ctx, "check", c, fromCheck(c)));
  if (options.indexes) o.indexes = t.indexes.map((i) => renderItemOr(ctx, "index", i, fromIndex(i)));
  return { name, columns, options: o };
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

import {
  fromColumn,
  type AddColumnOp,
  type AlterColumnOp,
  type Column,
  type ColumnChanges,
  type DropColumnOp,
  type Identity,
} from "@autogen/core";
import type { RenderContext } from "../render-context";
import { renderItemOr } from "../render-item";
import { renderTableCall, TABLE } from "../table-call";

/**
 * A column as the plain object `op.addColumn`/`op.createTable` take (core's fromColumn: name,
 * type, nullability, default first), with the renderItem hook asked about the column, its
 * type and its default.
 */
export function renderColumnValue(ctx: RenderContext, c: Column, o: { primaryKey?: boolean } = {}): unknown {
  const custom = renderItemOr(ctx, "column", c, null);
  if (custom !== null) return custom;
  const input: Record<string, unknown> = { ...fromColumn(c, o) };
  input.type = renderItemOr(ctx, "type", c.type, c.type);
  if (c.default !== null) input.default = renderItemOr(ctx, "server_default", c.default, c.default);
  return input;
}

export const renderAddColumn = (ctx: RenderContext, op: AddColumnOp): string[] => [
  renderTableCall(ctx, "addColumn", op.table, [TABLE, renderColumnValue(ctx, op.column)]),
];

/** The whole dropped column is rendered as `existing`, so a reader (and batch mode) sees what is lost. */
export const renderDropColumn = (ctx: RenderContext, op: DropColumnOp): string[] => [
  renderTableCall(ctx, "dropColumn", op.table, [TABLE, op.column.name], { existing: fromColumn(op.column) }),
];

const identityInput = (i: Identity | null): unknown =>
  i === null
    ? false
    : i.always || i.start !== null || i.increment !== null
      ? {
          always: i.always,
          ...(i.start !== null ? { start: i.start } : {}),
          ...(i.increment !== null ? { increment: i.increment } : {}),
        }
      : true;

/**
 * The changes argument of `op.alterColumn`, in a fixed order: what changes, then the
 * `existing*` hints. As in Alembic, `existingNullable`/`existingDefault`/`existingComment` are
 * written only when that aspect is not being changed (the change already says it), while
 * `existingType` is always written: MySQL's MODIFY COLUMN needs the full column, and a reader
 * sees the old type next to the new one.
 */
export function alterColumnChanges(ctx: RenderContext, op: AlterColumnOp): Record<string, unknown> {
  const m = op.modify;
  const e = op.existing;
  const has = (k: keyof ColumnChanges): boolean => m[k] !== undefined;
  const out: Record<string, unknown> = {};
  if (has("type")) out.type = renderItemOr(ctx, "type", m.type, m.type);
  if (has("nullable")) out.nullable = m.nullable;
  if (has("default"))
    out.default = m.default === null ? null : renderItemOr(ctx, "server_default", m.default, m.default);
  if (has("comment")) out.comment = m.comment;
  if (has("collation")) out.collation = m.collation;
  if (has("charset")) out.charset = m.charset;
  if (has("autoIncrement")) out.autoIncrement = m.autoIncrement;
  if (has("identity")) out.identity = identityInput(m.identity ?? null);
  if (has("generated")) out.generated = m.generated;
  if (has("onUpdate")) out.onUpdate = m.onUpdate;
  if (has("name")) out.newName = m.name;
  if (op.using !== null) out.using = op.using;
  if (e.type !== undefined) out.existingType = e.type;
  if (!has("nullable") && e.nullable !== undefined) out.existingNullable = e.nullable;
  if (!has("default") && e.default != null) out.existingDefault = e.default;
  if (!has("comment") && e.comment != null) out.existingComment = e.comment;
  if (!has("collation") && e.collation != null) out.existingCollation = e.collation;
  // The rest of the existing column, only where it says something (MySQL MODIFY needs it).
  const rest: Record<string, unknown> = {};
  if (!has("autoIncrement") && e.autoIncrement) rest.autoIncrement = true;
  if (!has("identity") && e.identity) rest.identity = e.identity;
  if (!has("generated") && e.generated) rest.generated = e.generated;
  if (!has("charset") && e.charset != null) rest.charset = e.charset;
  if (!has("onUpdate") && e.onUpdate != null) rest.onUpdate = e.onUpdate;
  if (Object.keys(rest).length) out.existing = rest;
  return out;
}

/** One alterColumn call; the op's warning (a narrowing type change) becomes a comment above it. */
export function renderAlterColumn(ctx: RenderContext, op: AlterColumnOp): string[] {
  const warning = op.warning === null ? [] : op.warning.split("\n").map((l) => `// WARNING: ${l}`);
  const changes = alterColumnChanges(ctx, op);
  const inBatch = ctx.batchTable !== null;
  if (!inBatch && op.table.schema !== null) changes.schema = op.table.schema;
  // The changes object is a required argument, so it is passed as a positional value.
  return [
    ...warning,
    renderTableCall(ctx, "alterColumn", { schema: null, name: op.table.name }, [TABLE, op.column, changes]),
  ];
}

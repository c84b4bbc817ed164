import {
  fromForeignKey,
  fromUnique,
  type Constraint,
  type CreateCheckConstraintOp,
  type CreateExclusionConstraintOp,
  type CreateForeignKeyOp,
  type CreatePrimaryKeyOp,
  type CreateUniqueConstraintOp,
  type DropConstraintOp,
  type RenameConstraintOp,
} from "@autogen/core";
import type { RenderContext } from "../render-context";
import { renderTableCall, TABLE } from "../table-call";

export function renderCreateUniqueConstraint(ctx: RenderContext, op: CreateUniqueConstraintOp): string[] {
  const { name, columns, ...rest } = fromUnique(op.constraint);
  return [renderTableCall(ctx, "createUniqueConstraint", op.table, [name ?? null, TABLE, columns], rest)];
}

export function renderCreateForeignKey(ctx: RenderContext, op: CreateForeignKeyOp): string[] {
  const { name, columns, refTable, refColumns, ...rest } = fromForeignKey(op.constraint);
  return [
    renderTableCall(ctx, "createForeignKey", op.table, [name ?? null, TABLE, refTable, columns, refColumns], rest),
  ];
}

export const renderCreateCheckConstraint = (ctx: RenderContext, op: CreateCheckConstraintOp): string[] => [
  renderTableCall(ctx, "createCheckConstraint", op.table, [op.constraint.name, TABLE, op.constraint.expression]),
];

export const renderCreateExclusionConstraint = (ctx: RenderContext, op: CreateExclusionConstraintOp): string[] => [
  renderTableCall(ctx, "createExclusionConstraint", op.table, [op.constraint.name, TABLE, op.constraint.expression]),
];

export const renderCreatePrimaryKey = (ctx: RenderContext, op: CreatePrimaryKeyOp): string[] => [
  renderTableCall(ctx, "createPrimaryKey", op.table, [op.constraint.name, TABLE, [...op.constraint.columns]]),
];

/** The `type` option of dropConstraint for each constraint kind (exhaustive). */
const CONSTRAINT_TYPE: Record<Constraint["kind"], "unique" | "foreignkey" | "check" | "primary" | "exclusion"> = {
  UniqueConstraint: "unique",
  ForeignKey: "foreignkey",
  CheckConstraint: "check",
  PrimaryKey: "primary",
  ExclusionConstraint: "exclusion",
};

/**
 * An unnamed constraint cannot be dropped by name (Alembic #588 renders `drop_constraint(None)`
 * that fails at run time): it is identified by its columns or expression instead, which SQLite
 * batch mode (the only place unnamed constraints exist) matches when it recreates the table.
 */
export function renderDropConstraint(ctx: RenderContext, op: DropConstraintOp): string[] {
  const c = op.constraint;
  const identity =
    c.name !== null ? {} : "expression" in c ? { expression: c.expression } : { columns: [...c.columns] };
  return [
    renderTableCall(ctx, "dropConstraint", op.table, [c.name, TABLE], { type: CONSTRAINT_TYPE[c.kind], ...identity }),
  ];
}

/** renameUniqueConstraint / renameForeignKey with the constraint's definition (MySQL re-adds a foreign key). */
export function renderRenameConstraint(ctx: RenderContext, op: RenameConstraintOp): string[] {
  const c = op.constraint;
  if (c.kind === "UniqueConstraint") {
    const { name, columns, ...rest } = fromUnique(c);
    return [renderTableCall(ctx, "renameUniqueConstraint", op.table, [name, op.newName, TABLE, columns], rest)];
  }
  const { name, columns, refTable, refColumns, ...rest } = fromForeignKey(c);
  return [
    renderTableCall(ctx, "renameForeignKey", op.table, [name, op.newName, TABLE, refTable, columns, refColumns], rest),
  ];
}

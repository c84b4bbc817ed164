import { freeze } from "../freeze";
import type {
  CheckConstraint,
  Constraint,
  ExclusionConstraint,
  ForeignKey,
  PrimaryKey,
  UniqueConstraint,
} from "../schema/constraints";
import type { QualifiedName } from "../schema/qualified-name";
import type { OpNode } from "./op-node";

export interface CreateUniqueConstraintOp extends OpNode {
  readonly kind: "CreateUniqueConstraintOp";
  readonly table: QualifiedName;
  readonly constraint: UniqueConstraint;
}
export interface CreateForeignKeyOp extends OpNode {
  readonly kind: "CreateForeignKeyOp";
  readonly table: QualifiedName;
  readonly constraint: ForeignKey;
}
export interface CreateCheckConstraintOp extends OpNode {
  readonly kind: "CreateCheckConstraintOp";
  readonly table: QualifiedName;
  readonly constraint: CheckConstraint;
}
/** Adds a PostgreSQL exclusion constraint. */
export interface CreateExclusionConstraintOp extends OpNode {
  readonly kind: "CreateExclusionConstraintOp";
  readonly table: QualifiedName;
  readonly constraint: ExclusionConstraint;
}
export interface CreatePrimaryKeyOp extends OpNode {
  readonly kind: "CreatePrimaryKeyOp";
  readonly table: QualifiedName;
  readonly constraint: PrimaryKey;
}
/** Drops any named constraint; carries the whole constraint so that its reverse can recreate it. */
export interface DropConstraintOp extends OpNode {
  readonly kind: "DropConstraintOp";
  readonly table: QualifiedName;
  readonly constraint: Constraint;
}

/**
 * Renames a unique constraint or a foreign key; carries the whole constraint (under its old
 * name) so that a dialect without a constraint rename can drop it and add it under the new name.
 */
export interface RenameConstraintOp extends OpNode {
  readonly kind: "RenameConstraintOp";
  readonly table: QualifiedName;
  readonly constraint: UniqueConstraint | ForeignKey;
  readonly newName: string;
}

type CreateConstraintOp =
  | CreateUniqueConstraintOp
  | CreateForeignKeyOp
  | CreateCheckConstraintOp
  | CreateExclusionConstraintOp
  | CreatePrimaryKeyOp;
const dropOf = (op: CreateConstraintOp): DropConstraintOp => DropConstraintOp.create(op.table, op.constraint);

export const CreateUniqueConstraintOp = freeze({
  is: (op: OpNode): op is CreateUniqueConstraintOp => op.kind === "CreateUniqueConstraintOp",
  create: (table: QualifiedName, constraint: UniqueConstraint): CreateUniqueConstraintOp =>
    freeze({ kind: "CreateUniqueConstraintOp", table, constraint }),
  reverse: dropOf,
});
export const CreateForeignKeyOp = freeze({
  is: (op: OpNode): op is CreateForeignKeyOp => op.kind === "CreateForeignKeyOp",
  create: (table: QualifiedName, constraint: ForeignKey): CreateForeignKeyOp =>
    freeze({ kind: "CreateForeignKeyOp", table, constraint }),
  reverse: dropOf,
});
export const CreateCheckConstraintOp = freeze({
  is: (op: OpNode): op is CreateCheckConstraintOp => op.kind === "CreateCheckConstraintOp",
  create: (table: QualifiedName, constraint: CheckConstraint): CreateCheckConstraintOp =>
    freeze({ kind: "CreateCheckConstraintOp", table, constraint }),
  reverse: dropOf,
});
export const CreateExclusionConstraintOp = freeze({
  is: (op: OpNode): op is CreateExclusionConstraintOp => op.kind === "CreateExclusionConstraintOp",
  create: (table: QualifiedName, constraint: ExclusionConstraint): CreateExclusionConstraintOp =>
    freeze({ kind: "CreateExclusionConstraintOp", table, constraint }),
  reverse: dropOf,
});
export const CreatePrimaryKeyOp = freeze({
  is: (op: OpNode): op is CreatePrimaryKeyOp => op.kind === "CreatePrimaryKeyOp",
  create: (table: QualifiedName, constraint: PrimaryKey): CreatePrimaryKeyOp =>
    freeze({ kind: "CreatePrimaryKeyOp", table, constraint }),
  reverse: dropOf,
});
export const DropConstraintOp = freeze({
  is: (op: OpNode): op is DropConstraintOp => op.kind === "DropConstraintOp",
  create: (table: QualifiedName, constraint: Constraint): DropConstraintOp =>
    freeze({ kind: "DropConstraintOp", table, constraint }),
  reverse: (op: DropConstraintOp): CreateConstraintOp => {
    const c = op.constraint;
    switch (c.kind) {
      case "UniqueConstraint":
        return CreateUniqueConstraintOp.create(op.table, c);
      case "ForeignKey":
        return CreateForeignKeyOp.create(op.table, c);
      case "CheckConstraint":
        return CreateCheckConstraintOp.create(op.table, c);
      case "ExclusionConstraint":
        return CreateExclusionConstraintOp.create(op.table, c);
      case "PrimaryKey":
        return CreatePrimaryKeyOp.create(op.table, c);
    }
  },
});
export const RenameConstraintOp = freeze({
  is: (op: OpNode): op is RenameConstraintOp => op.kind === "RenameConstraintOp",
  create: (table: QualifiedName, constraint: UniqueConstraint | ForeignKey, newName: string): RenameConstraintOp =>
    freeze({ kind: "RenameConstraintOp", table, constraint, newName }),
  reverse: (op: RenameConstraintOp): RenameConstraintOp =>
    RenameConstraintOp.create(op.table, freeze({ ...op.constraint, name: op.newName }), op.constraint.name ?? ""),
});

import { UnsupportedOpError } from "../errors";
import { AddColumnOp, AlterColumnOp, DropColumnOp } from "./column-ops";
import { CreateTableCommentOp, DropTableCommentOp } from "./comment-ops";
import {
  CreateCheckConstraintOp,
  CreateExclusionConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropConstraintOp,
  RenameConstraintOp,
} from "./constraint-ops";
import { BatchAlterTableOp, DowngradeOps, ModifyTableOps, UpgradeOps } from "./container-ops";
import {
  AddEnumValueOp,
  CreateEnumOp,
  CreateExtensionOp,
  CreateSchemaOp,
  DropEnumOp,
  DropExtensionOp,
  DropSchemaOp,
  RecreateEnumOp,
  RenameEnumValueOp,
} from "./enum-ops";
import { CreateIndexOp, DropIndexOp, RenameIndexOp } from "./index-ops";
import type { BuiltinOpTable } from "./builtin-ops";
import type { OpNode } from "./op-node";
import { BulkInsertOp, ExecuteSQLOp } from "./sql-ops";
import { CreateTableOp, DropTableOp, RenameTableOp } from "./table-ops";
import { CreateViewOp, DropViewOp, ReplaceViewOp } from "./view-ops";

/** Exhaustive: a new built-in kind without a reverser does not compile. */
const REVERSERS: BuiltinOpTable<OpNode> = {
  CreateTableOp: CreateTableOp.reverse,
  DropTableOp: DropTableOp.reverse,
  RenameTableOp: RenameTableOp.reverse,
  AddColumnOp: AddColumnOp.reverse,
  DropColumnOp: DropColumnOp.reverse,
  AlterColumnOp: AlterColumnOp.reverse,
  CreateIndexOp: CreateIndexOp.reverse,
  DropIndexOp: DropIndexOp.reverse,
  RenameIndexOp: RenameIndexOp.reverse,
  CreateUniqueConstraintOp: CreateUniqueConstraintOp.reverse,
  CreateForeignKeyOp: CreateForeignKeyOp.reverse,
  CreateCheckConstraintOp: CreateCheckConstraintOp.reverse,
  CreateExclusionConstraintOp: CreateExclusionConstraintOp.reverse,
  CreatePrimaryKeyOp: CreatePrimaryKeyOp.reverse,
  DropConstraintOp: DropConstraintOp.reverse,
  RenameConstraintOp: RenameConstraintOp.reverse,
  CreateTableCommentOp: CreateTableCommentOp.reverse,
  DropTableCommentOp: DropTableCommentOp.reverse,
  ExecuteSQLOp: ExecuteSQLOp.reverse,
  BulkInsertOp: BulkInsertOp.reverse,
  CreateEnumOp: CreateEnumOp.reverse,
  DropEnumOp: DropEnumOp.reverse,
  AddEnumValueOp: AddEnumValueOp.reverse,
  RecreateEnumOp: RecreateEnumOp.reverse,
  RenameEnumValueOp: RenameEnumValueOp.reverse,
  CreateExtensionOp: CreateExtensionOp.reverse,
  DropExtensionOp: DropExtensionOp.reverse,
  CreateSchemaOp: CreateSchemaOp.reverse,
  DropSchemaOp: DropSchemaOp.reverse,
  CreateViewOp: CreateViewOp.reverse,
  DropViewOp: DropViewOp.reverse,
  ReplaceViewOp: ReplaceViewOp.reverse,
  BatchAlterTableOp: (op) => BatchAlterTableOp.create(op.table, reverseOps(op.ops), op.recreate),
  ModifyTableOps: (op) => ModifyTableOps.create(op.table, reverseOps(op.ops)),
};

const customReversers = new Map<string, (op: OpNode) => OpNode>();

/** Registers how a custom op kind reverses (the replaceable-object recipe's createFunction ↔ dropFunction). */
export function registerReverser(kind: string, fn: (op: OpNode) => OpNode): void {
  customReversers.set(kind, fn);
}

/** The op that undoes `op`. */
export function reverseOp(op: OpNode): OpNode {
  const fn = Object.hasOwn(REVERSERS, op.kind)
    ? (REVERSERS as unknown as Record<string, (op: OpNode) => OpNode>)[op.kind]
    : customReversers.get(op.kind);
  if (!fn) throw new UnsupportedOpError(op.kind, "reverse");
  return fn(op);
}

/** Reverses each op and their order (Alembic's `reverse_into`). */
export function reverseOps(ops: readonly OpNode[]): OpNode[] {
  return ops.map(reverseOp).reverse();
}

/** The downgrade tree for an upgrade tree. */
export function reverseUpgradeOps(up: UpgradeOps): DowngradeOps {
  return DowngradeOps.create(reverseOps(up.ops));
}

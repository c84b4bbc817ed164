import type { AddColumnOp, AlterColumnOp, DropColumnOp } from "./column-ops";
import type { CreateTableCommentOp, DropTableCommentOp } from "./comment-ops";
import type {
  CreateCheckConstraintOp,
  CreateExclusionConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropConstraintOp,
  RenameConstraintOp,
} from "./constraint-ops";
import type { BatchAlterTableOp, ModifyTableOps } from "./container-ops";
import type {
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
import type { CreateIndexOp, DropIndexOp, RenameIndexOp } from "./index-ops";
import type { BulkInsertOp, ExecuteSQLOp } from "./sql-ops";
import type { CreateTableOp, DropTableOp, RenameTableOp } from "./table-ops";
import type { CreateViewOp, DropViewOp, ReplaceViewOp } from "./view-ops";

/**
 * The built-in op kinds, each with its interface: the one list of them. Every table keyed by
 * kind (core's reversers, the DDL compiler's visitors, the renderer's renderers) is typed
 * `{ [K in BuiltinOpKind]: ... }`, so a kind added here without an entry in each does not compile.
 * Custom ops (registerOperation) use their own kind strings.
 */
export interface BuiltinOps {
  CreateTableOp: CreateTableOp;
  DropTableOp: DropTableOp;
  RenameTableOp: RenameTableOp;
  AddColumnOp: AddColumnOp;
  DropColumnOp: DropColumnOp;
  AlterColumnOp: AlterColumnOp;
  CreateIndexOp: CreateIndexOp;
  DropIndexOp: DropIndexOp;
  RenameIndexOp: RenameIndexOp;
  CreateUniqueConstraintOp: CreateUniqueConstraintOp;
  CreateForeignKeyOp: CreateForeignKeyOp;
  CreateCheckConstraintOp: CreateCheckConstraintOp;
  CreateExclusionConstraintOp: CreateExclusionConstraintOp;
  CreatePrimaryKeyOp: CreatePrimaryKeyOp;
  DropConstraintOp: DropConstraintOp;
  RenameConstraintOp: RenameConstraintOp;
  CreateTableCommentOp: CreateTableCommentOp;
  DropTableCommentOp: DropTableCommentOp;
  ExecuteSQLOp: ExecuteSQLOp;
  BulkInsertOp: BulkInsertOp;
  CreateEnumOp: CreateEnumOp;
  DropEnumOp: DropEnumOp;
  AddEnumValueOp: AddEnumValueOp;
  RecreateEnumOp: RecreateEnumOp;
  RenameEnumValueOp: RenameEnumValueOp;
  CreateExtensionOp: CreateExtensionOp;
  DropExtensionOp: DropExtensionOp;
  CreateSchemaOp: CreateSchemaOp;
  DropSchemaOp: DropSchemaOp;
  CreateViewOp: CreateViewOp;
  DropViewOp: DropViewOp;
  ReplaceViewOp: ReplaceViewOp;
  BatchAlterTableOp: BatchAlterTableOp;
  ModifyTableOps: ModifyTableOps;
}

/** The kind strings of the built-in ops. */
export type BuiltinOpKind = keyof BuiltinOps;

/** Any built-in op. */
export type BuiltinOp = BuiltinOps[BuiltinOpKind];

/** One handler per built-in kind, taking the op of that kind: a table of this type does not compile when a kind is missing. */
export type BuiltinOpTable<R> = { [K in BuiltinOpKind]: (op: BuiltinOps[K]) => R };

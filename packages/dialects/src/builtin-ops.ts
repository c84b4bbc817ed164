import type {
  AddColumnOp,
  AddEnumValueOp,
  RecreateEnumOp,
  AlterColumnOp,
  BatchAlterTableOp,
  BuiltinOpKind,
  BulkInsertOp,
  CreateCheckConstraintOp,
  CreateEnumOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateExtensionOp,
  DropExtensionOp,
  CreateSchemaOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropEnumOp,
  DropIndexOp,
  DropSchemaOp,
  DropTableCommentOp,
  DropTableOp,
  ExecuteSQLOp,
  ModifyTableOps,
  RenameTableOp,
} from "@autogen/core";

type AnyBuiltinOp =
  | CreateTableOp
  | DropTableOp
  | RenameTableOp
  | AddColumnOp
  | DropColumnOp
  | AlterColumnOp
  | CreateIndexOp
  | DropIndexOp
  | CreateUniqueConstraintOp
  | CreateForeignKeyOp
  | CreateCheckConstraintOp
  | CreatePrimaryKeyOp
  | DropConstraintOp
  | CreateTableCommentOp
  | DropTableCommentOp
  | ExecuteSQLOp
  | BulkInsertOp
  | CreateEnumOp
  | DropEnumOp
  | AddEnumValueOp
  | RecreateEnumOp
  | CreateExtensionOp
  | DropExtensionOp
  | CreateSchemaOp
  | DropSchemaOp
  | BatchAlterTableOp
  | ModifyTableOps;

/** The op interface of each built-in kind: `BuiltinOps["AddColumnOp"]` is `AddColumnOp`. */
export type BuiltinOps = { [K in BuiltinOpKind]: Extract<AnyBuiltinOp, { kind: K }> };

/** One handler per built-in kind: a table of this type does not compile when a kind is missing. */
export type BuiltinOpTable<R> = { [K in BuiltinOpKind]: (op: BuiltinOps[K]) => R };

/** Every operation is immutable data with a `kind` discriminant (the op's type name). */
export interface OpNode {
  readonly kind: string;
}

/** The built-in op kinds. Custom ops (registerOperation) use their own kind strings. */
export type BuiltinOpKind =
  | "CreateTableOp"
  | "DropTableOp"
  | "RenameTableOp"
  | "AddColumnOp"
  | "DropColumnOp"
  | "AlterColumnOp"
  | "CreateIndexOp"
  | "DropIndexOp"
  | "CreateUniqueConstraintOp"
  | "CreateForeignKeyOp"
  | "CreateCheckConstraintOp"
  | "CreatePrimaryKeyOp"
  | "DropConstraintOp"
  | "CreateTableCommentOp"
  | "DropTableCommentOp"
  | "ExecuteSQLOp"
  | "BulkInsertOp"
  | "CreateEnumOp"
  | "DropEnumOp"
  | "AddEnumValueOp"
  | "RecreateEnumOp"
  | "CreateExtensionOp"
  | "DropExtensionOp"
  | "CreateSchemaOp"
  | "DropSchemaOp"
  | "BatchAlterTableOp"
  | "ModifyTableOps";

/**
 * Builders from the arguments of `op.*` (and of the batch block's methods) to core op nodes.
 * `op.addColumn(...)` and `batch.addColumn(...)` build the same node; only the table differs.
 */
import {
  CommandError,
  AddColumnOp,
  AlterColumnOp,
  CheckConstraint,
  Column,
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropIndexOp,
  ExclusionConstraint,
  ForeignKey,
  Index,
  PrimaryKey,
  RenameConstraintOp,
  RenameIndexOp,
  UniqueConstraint,
  toColumn,
  toForeignKey,
  toIndex,
  toUnique,
  type ColumnChanges,
  type ColumnInput,
  type Constraint,
  type IndexElementInput,
  type QualifiedName,
} from "@autogen/core";
import type {
  AlterColumnInput,
  BatchIndexOptions,
  DropConstraintOptions,
  ForeignKeyOptions,
  UniqueOptions,
} from "./operations-api";

export const addColumnOp = (table: QualifiedName, column: ColumnInput): AddColumnOp =>
  AddColumnOp.create(table, toColumn(column));

/** Without `existing`, only the name is known: enough to drop, not to reverse. */
export const dropColumnOp = (table: QualifiedName, column: string, existing?: ColumnInput): DropColumnOp =>
  DropColumnOp.create(table, existing ? toColumn({ ...existing, name: column }) : Column.create(column, ""));

/** Splits `op.alterColumn` changes into what changes (`modify`) and what is known of the column now (`existing`). */
export function alterColumnOp(
  table: QualifiedName,
  column: string,
  c: Omit<AlterColumnInput, "schema">,
): AlterColumnOp {
  const modify = defined<ColumnChanges>({
    type: c.type,
    nullable: c.nullable,
    default: c.default,
    comment: c.comment,
    collation: c.collation,
    charset: c.charset,
    onUpdate: c.onUpdate,
    autoIncrement: c.autoIncrement,
    // Rendered as false (remove), true (BY DEFAULT) or its options; toColumn reads the same shapes.
    identity:
      c.identity === undefined ? undefined : toColumn({ name: column, type: "", identity: c.identity }).identity,
    generated:
      c.generated === undefined
        ? undefined
        : c.generated === null
          ? null
          : toColumn({ name: column, type: "", generated: c.generated }).generated,
    name: c.newName,
  });
  const existing = defined<ColumnChanges>({
    ...(c.existing ?? {}),
    type: c.existingType ?? c.existing?.type,
    nullable: c.existingNullable ?? c.existing?.nullable,
    default: c.existingDefault !== undefined ? c.existingDefault : c.existing?.default,
    comment: c.existingComment !== undefined ? c.existingComment : c.existing?.comment,
    collation: c.existingCollation !== undefined ? c.existingCollation : c.existing?.collation,
  });
  return AlterColumnOp.create(table, column, modify, existing, { using: c.using ?? null });
}

export function createIndexOp(
  table: QualifiedName,
  name: string,
  columns: (string | IndexElementInput)[],
  o: BatchIndexOptions = {},
): CreateIndexOp {
  const index = toIndex({ name, columns, unique: o.unique, where: o.where, using: o.using, include: o.include });
  return CreateIndexOp.create(table, index, { concurrently: o.concurrently });
}

/** The index's definition is unknown here; dropping needs only its name. */
export const dropIndexOp = (table: QualifiedName, name: string): DropIndexOp =>
  DropIndexOp.create(table, Index.create(name, []));

export const createUniqueConstraintOp = (
  table: QualifiedName,
  name: string | null,
  columns: string[],
  o: UniqueOptions = {},
): CreateUniqueConstraintOp =>
  CreateUniqueConstraintOp.create(table, toUnique({ deferrable: o.deferrable, initially: o.initially, name, columns }));

export const createForeignKeyOp = (
  table: QualifiedName,
  name: string | null,
  refTable: string,
  columns: string[],
  refColumns: string[],
  o: ForeignKeyOptions = {},
): CreateForeignKeyOp =>
  CreateForeignKeyOp.create(
    table,
    toForeignKey({
      name,
      columns,
      refTable,
      refColumns,
      refSchema: o.refSchema,
      onDelete: o.onDelete,
      onUpdate: o.onUpdate,
      deferrable: o.deferrable,
      initially: o.initially,
    }),
  );

export const createCheckConstraintOp = (
  table: QualifiedName,
  name: string | null,
  expression: string,
): CreateCheckConstraintOp => CreateCheckConstraintOp.create(table, CheckConstraint.create(expression, name));

export const createPrimaryKeyOp = (table: QualifiedName, name: string | null, columns: string[]): CreatePrimaryKeyOp =>
  CreatePrimaryKeyOp.create(table, PrimaryKey.create(columns, name));

/** A rename carries the whole definition: SQLite creates the index again under the new name. */
export const renameIndexOp = (
  table: QualifiedName,
  name: string,
  newName: string,
  columns: (string | IndexElementInput)[],
  o: BatchIndexOptions = {},
): RenameIndexOp => RenameIndexOp.create(table, createIndexOp(table, name, columns, o).index, newName);

export const renameUniqueConstraintOp = (
  table: QualifiedName,
  name: string,
  newName: string,
  columns: string[],
  o: UniqueOptions = {},
): RenameConstraintOp =>
  RenameConstraintOp.create(table, createUniqueConstraintOp(table, name, columns, o).constraint, newName);

export const renameForeignKeyOp = (
  table: QualifiedName,
  name: string,
  newName: string,
  refTable: string,
  columns: string[],
  refColumns: string[],
  o: ForeignKeyOptions = {},
): RenameConstraintOp =>
  RenameConstraintOp.create(
    table,
    createForeignKeyOp(table, name, refTable, columns, refColumns, o).constraint,
    newName,
  );

/**
 * The kind of constraint says how to drop it (MySQL: DROP FOREIGN KEY, DROP INDEX, DROP CHECK);
 * its columns or expression identify it when it has no name (SQLite batch mode matches them).
 */
const CONSTRAINT_OF_TYPE: Record<
  NonNullable<DropConstraintOptions["type"]>,
  (name: string | null, o: DropConstraintOptions) => Constraint
> = {
  unique: (name, o) => UniqueConstraint.create(o.columns ?? [], name),
  foreignkey: (name, o) => ForeignKey.create({ name, columns: o.columns ?? [], refTable: "", refColumns: [] }),
  check: (name, o) => CheckConstraint.create(o.expression ?? "", name),
  exclusion: (name, o) => ExclusionConstraint.create(o.expression ?? "", name),
  primary: (name, o) => PrimaryKey.create(o.columns ?? [], name),
};

/** Without `type`, a unique constraint: the plain `DROP CONSTRAINT` (and MySQL's DROP INDEX). */
export function dropConstraintOp(
  table: QualifiedName,
  name: string | null,
  o: DropConstraintOptions = {},
): DropConstraintOp {
  if (name === null && !(o.type === "primary" || o.columns?.length || o.expression)) {
    throw new CommandError(
      `dropConstraint on ${table.name} needs a name, or the columns / expression of the unnamed constraint`,
    );
  }
  return DropConstraintOp.create(table, CONSTRAINT_OF_TYPE[o.type ?? "unique"](name, o));
}

/** The object without its undefined properties (`null` stays: it means "none"). */
function defined<T extends object>(o: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

import {
  AddEnumValueOp,
  BatchAlterTableOp,
  BulkInsertOp,
  CreateEnumOp,
  CreateExclusionConstraintOp,
  CreateExtensionOp,
  CreateSchemaOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateViewOp,
  DropEnumOp,
  DropExtensionOp,
  DropSchemaOp,
  DropTableCommentOp,
  DropTableOp,
  DropViewOp,
  Enum,
  ExclusionConstraint,
  ExecuteSQLOp,
  QualifiedName,
  RecreateEnumOp,
  RenameTableOp,
  RenameEnumValueOp,
  ReplaceViewOp,
  Table,
  freeze,
  toTable,
  type ColumnInput,
  type IndexElementInput,
  type OpNode,
  type TableOptionsInput,
} from "@autogen/core";
import type { BatchAlterTableRun } from "./batch-alter-table";
import { BatchCollector } from "./batch-collector";
import { runOp } from "./implementations";
import type { MigrationContext } from "./migration-context";
import * as build from "./op-builders";
import type {
  AlterColumnInput,
  BatchAlterTableOptions,
  BatchOperations,
  BuiltinOperations,
  CreateIndexOptions,
  EnumColumnInput,
  DropConstraintOptions,
  ForeignKeyOptions,
  MigrationContextApi,
  Operations,
  SchemaOption,
  UniqueOptions,
} from "./operations-api";

const qn = (name: string, o: SchemaOption = {}): QualifiedName => QualifiedName.create(name, o.schema);

/**
 * The `op` object. Each method only builds data (a core op node) and invokes it; what the
 * node does is decided by the implementation registered for its kind (implementations.ts).
 * Custom operations are added to this class's prototype by `registerOperation`.
 */
export class OperationsImpl implements BuiltinOperations {
  readonly #ctx: MigrationContext;

  constructor(ctx: MigrationContext) {
    this.#ctx = ctx;
  }

  get context(): MigrationContextApi {
    return this.#ctx;
  }

  async invoke(op: OpNode): Promise<void> {
    await runOp(this.#ctx, op);
  }

  async createTable(name: string, columns: ColumnInput[], options: TableOptionsInput = {}): Promise<void> {
    await this.invoke(CreateTableOp.create(toTable(name, columns, options)));
  }
  /** Only the name is known here; a generated revision's downgrade carries the full table. */
  async dropTable(name: string, o: SchemaOption = {}): Promise<void> {
    await this.invoke(DropTableOp.create(Table.create(name, [], { schema: o.schema ?? null })));
  }
  async renameTable(oldName: string, newName: string, o: SchemaOption = {}): Promise<void> {
    await this.invoke(RenameTableOp.create(qn(oldName, o), newName));
  }
  async addColumn(table: string, column: ColumnInput, o: SchemaOption = {}): Promise<void> {
    await this.invoke(build.addColumnOp(qn(table, o), column));
  }
  async dropColumn(table: string, column: string, o: SchemaOption & { existing?: ColumnInput } = {}): Promise<void> {
    await this.invoke(build.dropColumnOp(qn(table, o), column, o.existing));
  }
  async alterColumn(table: string, column: string, changes: AlterColumnInput): Promise<void> {
    await this.invoke(build.alterColumnOp(qn(table, changes), column, changes));
  }
  async createIndex(
    name: string,
    table: string,
    columns: (string | IndexElementInput)[],
    o: CreateIndexOptions = {},
  ): Promise<void> {
    await this.invoke(build.createIndexOp(qn(table, o), name, columns, o));
  }
  async dropIndex(name: string, table: string, o: SchemaOption = {}): Promise<void> {
    await this.invoke(build.dropIndexOp(qn(table, o), name));
  }
  async renameIndex(
    name: string,
    newName: string,
    table: string,
    columns: (string | IndexElementInput)[],
    o: CreateIndexOptions = {},
  ): Promise<void> {
    await this.invoke(build.renameIndexOp(qn(table, o), name, newName, columns, o));
  }
  async renameUniqueConstraint(
    name: string,
    newName: string,
    table: string,
    columns: string[],
    o: SchemaOption & UniqueOptions = {},
  ): Promise<void> {
    await this.invoke(build.renameUniqueConstraintOp(qn(table, o), name, newName, columns, o));
  }
  async renameForeignKey(
    name: string,
    newName: string,
    sourceTable: string,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o: SchemaOption & ForeignKeyOptions = {},
  ): Promise<void> {
    await this.invoke(build.renameForeignKeyOp(qn(sourceTable, o), name, newName, refTable, columns, refColumns, o));
  }
  async createUniqueConstraint(
    name: string | null,
    table: string,
    columns: string[],
    o: SchemaOption & UniqueOptions = {},
  ): Promise<void> {
    await this.invoke(build.createUniqueConstraintOp(qn(table, o), name, columns, o));
  }
  async createForeignKey(
    name: string | null,
    sourceTable: string,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o: SchemaOption & ForeignKeyOptions = {},
  ): Promise<void> {
    await this.invoke(build.createForeignKeyOp(qn(sourceTable, o), name, refTable, columns, refColumns, o));
  }
  async createCheckConstraint(
    name: string | null,
    table: string,
    expression: string,
    o: SchemaOption = {},
  ): Promise<void> {
    await this.invoke(build.createCheckConstraintOp(qn(table, o), name, expression));
  }
  async createExclusionConstraint(
    name: string | null,
    table: string,
    expression: string,
    o: SchemaOption = {},
  ): Promise<void> {
    await this.invoke(CreateExclusionConstraintOp.create(qn(table, o), ExclusionConstraint.create(expression, name)));
  }
  async createPrimaryKey(name: string | null, table: string, columns: string[], o: SchemaOption = {}): Promise<void> {
    await this.invoke(build.createPrimaryKeyOp(qn(table, o), name, columns));
  }
  async dropConstraint(
    name: string | null,
    table: string,
    o: SchemaOption & DropConstraintOptions = {},
  ): Promise<void> {
    await this.invoke(build.dropConstraintOp(qn(table, o), name, o));
  }
  async createTableComment(
    table: string,
    comment: string,
    o: SchemaOption & { existingComment?: string | null } = {},
  ): Promise<void> {
    await this.invoke(CreateTableCommentOp.create(qn(table, o), comment, o.existingComment ?? null));
  }
  async dropTableComment(table: string, o: SchemaOption & { existingComment?: string | null } = {}): Promise<void> {
    await this.invoke(DropTableCommentOp.create(qn(table, o), o.existingComment ?? null));
  }
  async execute(sql: string): Promise<void> {
    await this.invoke(ExecuteSQLOp.create(sql));
  }
  async bulkInsert(table: string, rows: Record<string, unknown>[], o: SchemaOption = {}): Promise<void> {
    await this.invoke(BulkInsertOp.create(qn(table, o), rows));
  }
  async batchAlterTable(
    table: string,
    fn: (batch: BatchOperations) => Promise<void>,
    o: BatchAlterTableOptions = {},
  ): Promise<void> {
    const batch = new BatchCollector(qn(table, o));
    await fn(batch);
    const op = BatchAlterTableOp.create(qn(table, o), batch.ops, o.recreate);
    const copyFrom = o.copyFrom ? toTable(table, o.copyFrom.columns, { ...o.copyFrom, schema: o.schema }) : undefined;
    const copyFromTriggers = o.copyFrom?.triggers ?? [];
    await this.invoke(copyFrom ? freeze<BatchAlterTableRun>({ ...op, copyFrom, copyFromTriggers }) : op);
  }
  async createEnum(name: string, values: string[], o: SchemaOption = {}): Promise<void> {
    await this.invoke(CreateEnumOp.create(Enum.create(name, values, o.schema ?? null)));
  }
  async dropEnum(name: string, o: SchemaOption & { existingValues?: string[] } = {}): Promise<void> {
    await this.invoke(DropEnumOp.create(Enum.create(name, o.existingValues ?? [], o.schema ?? null)));
  }
  async renameEnumValue(name: string, value: string, newValue: string, o: SchemaOption = {}): Promise<void> {
    await this.invoke(RenameEnumValueOp.create(qn(name, o), value, newValue));
  }
  async addEnumValue(
    name: string,
    value: string,
    o: SchemaOption & { before?: string; after?: string } = {},
  ): Promise<void> {
    await this.invoke(AddEnumValueOp.create(qn(name, o), value, { before: o.before, after: o.after }));
  }
  async recreateEnum(
    name: string,
    values: string[],
    o: SchemaOption & { existingValues: string[]; columns: EnumColumnInput[]; renames?: Record<string, string> },
  ): Promise<void> {
    const columns = o.columns.map((c) => ({
      table: qn(c.table, c),
      column: c.column,
      array: c.array ?? false,
      default: c.default ?? null,
      existingDefault: c.existingDefault ?? null,
    }));
    await this.invoke(
      RecreateEnumOp.create(Enum.create(name, values, o.schema ?? null), o.existingValues, columns, o.renames ?? {}),
    );
  }
  async createExtension(name: string, o: SchemaOption = {}): Promise<void> {
    await this.invoke(CreateExtensionOp.create(name, o.schema ?? null));
  }
  async dropExtension(name: string, o: SchemaOption = {}): Promise<void> {
    await this.invoke(DropExtensionOp.create(name, o.schema ?? null));
  }
  async createSchema(name: string): Promise<void> {
    await this.invoke(CreateSchemaOp.create(name));
  }
  async dropSchema(name: string): Promise<void> {
    await this.invoke(DropSchemaOp.create(name));
  }
  async createView(name: string, definition: string, o: SchemaOption = {}): Promise<void> {
    await this.invoke(CreateViewOp.create(qn(name, o), definition));
  }
  async dropView(name: string, o: SchemaOption & { existingDefinition?: string } = {}): Promise<void> {
    await this.invoke(DropViewOp.create(qn(name, o), o.existingDefinition ?? null));
  }
  async replaceView(
    name: string,
    definition: string,
    o: SchemaOption & { existingDefinition?: string } = {},
  ): Promise<void> {
    await this.invoke(ReplaceViewOp.create(qn(name, o), definition, o.existingDefinition ?? null));
  }
  f(name: string): string {
    return name;
  }
  async autocommitBlock(fn: () => Promise<void>): Promise<void> {
    await this.#ctx.autocommitBlock(fn);
  }
}

/** The `op` passed to a revision's upgrade()/downgrade(), bound to a migration context. */
export function createOperations(ctx: MigrationContext): Operations {
  // Custom operations live on the prototype (registerOperation), outside the static type.
  return new OperationsImpl(ctx) as unknown as Operations;
}

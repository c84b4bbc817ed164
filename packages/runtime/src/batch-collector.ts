import {
  RenameConstraintOp,
  RenameIndexOp,
  type ColumnInput,
  type ForeignKeyInput,
  type IndexElementInput,
  type OpNode,
  type QualifiedName,
  type UniqueInput,
} from "@autogen/core";
import {
  addColumnOp,
  alterColumnOp,
  createCheckConstraintOp,
  createForeignKeyOp,
  createIndexOp,
  createPrimaryKeyOp,
  createUniqueConstraintOp,
  dropColumnOp,
  dropConstraintOp,
  dropIndexOp,
} from "./op-builders";
import type { AlterColumnInput, BatchOperations, CreateIndexOptions, DropConstraintOptions } from "./operations-api";

/**
 * The `batch` object of `op.batchAlterTable`: each method only records its op; the block's
 * ops then run together as one BatchAlterTableOp (one table recreate on SQLite).
 */
export class BatchCollector implements BatchOperations {
  readonly #table: QualifiedName;
  readonly #ops: OpNode[] = [];

  constructor(table: QualifiedName) {
    this.#table = table;
  }

  /** The recorded ops, in call order. */
  get ops(): readonly OpNode[] {
    return [...this.#ops];
  }

  async addColumn(column: ColumnInput): Promise<void> {
    this.#ops.push(addColumnOp(this.#table, column));
  }
  async dropColumn(column: string, o: { existing?: ColumnInput } = {}): Promise<void> {
    this.#ops.push(dropColumnOp(this.#table, column, o.existing));
  }
  async alterColumn(column: string, changes: Omit<AlterColumnInput, "schema">): Promise<void> {
    this.#ops.push(alterColumnOp(this.#table, column, changes));
  }
  async createIndex(
    name: string,
    columns: (string | IndexElementInput)[],
    o?: Omit<CreateIndexOptions, "schema">,
  ): Promise<void> {
    this.#ops.push(createIndexOp(this.#table, name, columns, o));
  }
  async dropIndex(name: string): Promise<void> {
    this.#ops.push(dropIndexOp(this.#table, name));
  }
  async renameIndex(
    name: string,
    newName: string,
    columns: (string | IndexElementInput)[],
    o?: Omit<CreateIndexOptions, "schema">,
  ): Promise<void> {
    this.#ops.push(RenameIndexOp.create(this.#table, createIndexOp(this.#table, name, columns, o).index, newName));
  }
  async renameUniqueConstraint(
    name: string,
    newName: string,
    columns: string[],
    o?: Omit<UniqueInput, "name" | "columns">,
  ): Promise<void> {
    const unique = createUniqueConstraintOp(this.#table, name, columns, o).constraint;
    this.#ops.push(RenameConstraintOp.create(this.#table, unique, newName));
  }
  async renameForeignKey(
    name: string,
    newName: string,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o?: Omit<ForeignKeyInput, "name" | "columns" | "refTable" | "refColumns">,
  ): Promise<void> {
    const fk = createForeignKeyOp(this.#table, name, refTable, columns, refColumns, o).constraint;
    this.#ops.push(RenameConstraintOp.create(this.#table, fk, newName));
  }
  async createUniqueConstraint(
    name: string | null,
    columns: string[],
    o?: Omit<UniqueInput, "name" | "columns">,
  ): Promise<void> {
    this.#ops.push(createUniqueConstraintOp(this.#table, name, columns, o));
  }
  async createForeignKey(
    name: string | null,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o?: Omit<ForeignKeyInput, "name" | "columns" | "refTable" | "refColumns">,
  ): Promise<void> {
    this.#ops.push(createForeignKeyOp(this.#table, name, refTable, columns, refColumns, o));
  }
  async createCheckConstraint(name: string | null, expression: string): Promise<void> {
    this.#ops.push(createCheckConstraintOp(this.#table, name, expression));
  }
  async createPrimaryKey(name: string | null, columns: string[]): Promise<void> {
    this.#ops.push(createPrimaryKeyOp(this.#table, name, columns));
  }
  async dropConstraint(name: string | null, o: DropConstraintOptions = {}): Promise<void> {
    this.#ops.push(dropConstraintOp(this.#table, name, o));
  }
}

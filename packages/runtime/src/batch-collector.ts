import type { ColumnInput, IndexElementInput, OpNode, QualifiedName } from "@autogen/core";
import * as build from "./op-builders";
import type {
  AlterColumnInput,
  BatchIndexOptions,
  BatchOperations,
  DropConstraintOptions,
  ForeignKeyOptions,
  UniqueOptions,
} from "./operations-api";

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
    this.#ops.push(build.addColumnOp(this.#table, column));
  }
  async dropColumn(column: string, o: { existing?: ColumnInput } = {}): Promise<void> {
    this.#ops.push(build.dropColumnOp(this.#table, column, o.existing));
  }
  async alterColumn(column: string, changes: Omit<AlterColumnInput, "schema">): Promise<void> {
    this.#ops.push(build.alterColumnOp(this.#table, column, changes));
  }
  async createIndex(name: string, columns: (string | IndexElementInput)[], o?: BatchIndexOptions): Promise<void> {
    this.#ops.push(build.createIndexOp(this.#table, name, columns, o));
  }
  async dropIndex(name: string): Promise<void> {
    this.#ops.push(build.dropIndexOp(this.#table, name));
  }
  async renameIndex(
    name: string,
    newName: string,
    columns: (string | IndexElementInput)[],
    o?: BatchIndexOptions,
  ): Promise<void> {
    this.#ops.push(build.renameIndexOp(this.#table, name, newName, columns, o));
  }
  async renameUniqueConstraint(name: string, newName: string, columns: string[], o?: UniqueOptions): Promise<void> {
    this.#ops.push(build.renameUniqueConstraintOp(this.#table, name, newName, columns, o));
  }
  async renameForeignKey(
    name: string,
    newName: string,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o?: ForeignKeyOptions,
  ): Promise<void> {
    this.#ops.push(build.renameForeignKeyOp(this.#table, name, newName, refTable, columns, refColumns, o));
  }
  async createUniqueConstraint(name: string | null, columns: string[], o?: UniqueOptions): Promise<void> {
    this.#ops.push(build.createUniqueConstraintOp(this.#table, name, columns, o));
  }
  async createForeignKey(
    name: string | null,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o?: ForeignKeyOptions,
  ): Promise<void> {
    this.#ops.push(build.createForeignKeyOp(this.#table, name, refTable, columns, refColumns, o));
  }
  async createCheckConstraint(name: string | null, expression: string): Promise<void> {
    this.#ops.push(build.createCheckConstraintOp(this.#table, name, expression));
  }
  async createPrimaryKey(name: string | null, columns: string[]): Promise<void> {
    this.#ops.push(build.createPrimaryKeyOp(this.#table, name, columns));
  }
  async dropConstraint(name: string | null, o: DropConstraintOptions = {}): Promise<void> {
    this.#ops.push(build.dropConstraintOp(this.#table, name, o));
  }
}

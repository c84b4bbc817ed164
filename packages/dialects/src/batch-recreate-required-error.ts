import { CommandError, QualifiedName, type BatchAlterTableOp } from "@autogen/core";

/**
 * Thrown by `compile()` for a batch block that must recreate its table (SQLite's move-and-copy):
 * that needs the table as it is in the database, which the compiler does not have. The runtime
 * asks the adapter first (`requiresRecreate`) and has its `recreateTable` do it instead, so this
 * only reaches someone compiling such a batch directly.
 */
export class BatchRecreateRequiredError extends CommandError {
  constructor(
    readonly op: BatchAlterTableOp,
    readonly dialect: string,
  ) {
    super(
      `Batch alter of table ${QualifiedName.key(op.table)} must recreate the table on ${dialect}; ` +
        `that needs the live table definition (the adapter's recreateTable), so it cannot be compiled from the ops alone`,
    );
  }
}

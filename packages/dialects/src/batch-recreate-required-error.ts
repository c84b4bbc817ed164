import { CommandError, QualifiedName, type BatchAlterTableOp } from "@autogen/core";

/**
 * A batch block has to recreate its table (SQLite's move-and-copy), which needs the table as
 * it is in the database. The compiler alone cannot do that: the runtime catches this error
 * (by class), reflects the table and runs `planSqliteBatch(current, op.ops)` instead.
 */
export class BatchRecreateRequiredError extends CommandError {
  constructor(
    readonly op: BatchAlterTableOp,
    readonly dialect: string,
  ) {
    super(
      `Batch alter of table ${QualifiedName.key(op.table)} must recreate the table on ${dialect}; ` +
        `that needs the live table definition (planSqliteBatch), so it cannot be compiled from the ops alone`,
    );
  }
}

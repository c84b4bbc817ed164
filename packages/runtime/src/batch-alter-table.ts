import { CommandError, QualifiedName, type BatchAlterTableOp, type OpNode, type Table } from "@autogen/core";
import { createIntrospector } from "@autogen/reflection";
import type { MigrationContext } from "./migration-context";

/**
 * A batch block as the runtime runs it: the core op plus, optionally, the table's current
 * definition, which lets the move-and-copy plan run without reflecting (and so with --sql).
 */
export interface BatchAlterTableRun extends BatchAlterTableOp {
  readonly copyFrom?: Table;
  /** The table's triggers as copyFrom gives them, restored after an offline recreate. */
  readonly copyFromTriggers?: readonly string[];
}

/** Whether a batch op node carries a `copyFrom` table. */
function copyFromOf(op: OpNode): Table | undefined {
  return (op as BatchAlterTableRun).copyFrom;
}

/**
 * Runs a batch block. The dialect's adapter decides (`requiresRecreate`, Alembic's
 * `requires_recreate_in_batch`): in place, the compiler's statements for its ops; otherwise the
 * adapter's `recreateTable` moves and copies the table from its current definition, `copyFrom`
 * or the live table reflected through the connection.
 */
export async function batchAlterTable(ctx: MigrationContext, op: BatchAlterTableOp): Promise<void> {
  const adapter = ctx.impl.adapter;
  if (!adapter.requiresRecreate(op)) {
    for (const sql of ctx.impl.createDdlCompiler().compile(op)) await ctx.execute(sql);
    return;
  }
  if (!adapter.recreateTable) {
    throw new CommandError(
      `Batch alter of table ${QualifiedName.key(op.table)} must recreate the table, which ${ctx.impl.name} cannot`,
    );
  }
  await adapter.recreateTable(ctx, copyFromOf(op) ?? (await reflectTable(ctx, op)), op, {
    triggers: (op as BatchAlterTableRun).copyFromTriggers ?? [],
  });
}

async function reflectTable(ctx: MigrationContext, op: BatchAlterTableOp): Promise<Table> {
  const key = QualifiedName.key(op.table);
  if (ctx.connection === undefined) {
    throw new CommandError(
      `Batch alter of table ${key} must recreate the table, which needs a live database connection; ` +
        `pass copyFrom (the table's current definition) to op.batchAlterTable to run it with --sql`,
    );
  }
  const schema = await createIntrospector(ctx.connection, ctx.impl).reflect({
    tables: [op.table.name],
    ...(op.table.schema !== null ? { schemas: [op.table.schema] } : {}),
  });
  const table = schema.tables.find((t) => t.name === op.table.name);
  if (!table) throw new CommandError(`Batch alter of table ${key}: no such table in the database`);
  return table;
}

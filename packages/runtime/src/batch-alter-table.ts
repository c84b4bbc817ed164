import {
  CommandError,
  DatabaseError,
  QualifiedName,
  type BatchAlterTableOp,
  type OpNode,
  type Table,
} from "@autogen/core";
import { BatchRecreateRequiredError, planSqliteBatch, sqliteTableTriggersQuery } from "@autogen/dialects";
import { createIntrospector } from "@autogen/reflection";
import type { MigrationContext } from "./migration-context";

/**
 * A batch block as the runtime runs it: the core op plus, optionally, the table's current
 * definition, which lets the move-and-copy plan run without reflecting (and so with --sql).
 */
export interface BatchAlterTableRun extends BatchAlterTableOp {
  readonly copyFrom?: Table;
}

/** Whether a batch op node carries a `copyFrom` table. */
function copyFromOf(op: OpNode): Table | undefined {
  return (op as BatchAlterTableRun).copyFrom;
}

/**
 * Runs a batch block. The dialect's compiler alters the table in place when it can; when it
 * cannot (SQLite, for anything but adding columns and indexes), it says so with
 * BatchRecreateRequiredError and the table is recreated by move-and-copy from its current
 * definition: `copyFrom`, or the live table reflected through the connection.
 */
export async function batchAlterTable(ctx: MigrationContext, op: BatchAlterTableOp): Promise<void> {
  let statements: readonly string[];
  try {
    statements = ctx.impl.createDdlCompiler().compile(op);
  } catch (error) {
    if (!(error instanceof BatchRecreateRequiredError)) throw error;
    await recreate(ctx, op);
    return;
  }
  for (const sql of statements) await ctx.execute(sql);
}

async function recreate(ctx: MigrationContext, op: BatchAlterTableOp): Promise<void> {
  const key = QualifiedName.key(op.table);
  // Move-and-copy is the plan of dialects that cannot alter in place; elsewhere `recreate:
  // "always"` would copy a table the dialect can alter directly, with another dialect's SQL.
  if (!ctx.impl.adapter.requiresBatchRecreate) {
    throw new CommandError(
      `Batch alter of table ${key}: recreate "always" is only supported on dialects that need move-and-copy; use "auto"`,
    );
  }
  const current = copyFromOf(op) ?? (await reflectTable(ctx, op));
  const plan = planSqliteBatch(current, op.ops, ctx.impl);
  // DROP TABLE takes the table's triggers with it: they are read first and created again on the
  // new table (a trigger naming a dropped column then fails the revision instead of vanishing).
  // Offline there is no database to read them from.
  const triggers = ctx.isOffline
    ? []
    : (await ctx.query<{ sql: string }>(sqliteTableTriggersQuery(op.table, ctx.impl), `Batch alter of table ${key}`))
        .rows;
  for (const sql of plan.statements) await ctx.execute(sql);
  for (const t of triggers) await ctx.execute(t.sql);
  if (!ctx.isOffline) await checkForeignKeys(ctx, key);
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

/**
 * The copy ran with foreign-key enforcement off (dropping a referenced table with it on would
 * cascade into the children); this proves nothing was orphaned, and fails the revision (its
 * transaction rolls back) if something was.
 */
async function checkForeignKeys(ctx: MigrationContext, key: string): Promise<void> {
  const { rows } = await ctx.query<{ table: string; rowid: unknown; parent: string }>(
    "PRAGMA foreign_key_check",
    `Batch alter of table ${key}`,
  );
  if (rows.length === 0) return;
  const sample = rows
    .slice(0, 3)
    .map((r) => `${r.table} rowid ${String(r.rowid)} -> ${r.parent}`)
    .join(", ");
  throw new DatabaseError(
    `Batch alter of table ${key} left ${rows.length} row(s) violating foreign keys (${sample}); the revision is rolled back`,
    { statement: "PRAGMA foreign_key_check" },
  );
}

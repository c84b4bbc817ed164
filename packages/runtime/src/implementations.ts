import type { ModifyTableOps, OpNode } from "@autogen/core";
import type { DialectName } from "@autogen/dialects";
import { batchAlterTable } from "./batch-alter-table";
import type { MigrationContext } from "./migration-context";

/** How one op kind runs: online it executes statements, offline the same calls write them. */
export type OpImplementation<T extends OpNode = OpNode> = (ctx: MigrationContext, op: T) => Promise<void>;

/** Registrations per kind: one for any dialect ("*") and optional per-dialect overrides. */
const registry = new Map<string, Map<DialectName | "*", OpImplementation>>();

/**
 * Registers how an op kind runs (alembic's `Operations.implementation_for`). A registration
 * with `dialect` wins over one without, for that dialect. Registering again replaces.
 *
 * @returns a function that puts back what was registered before (for tests and plugins that
 *   override an implementation for a while).
 */
export function implementationFor<T extends OpNode>(
  kind: string,
  impl: OpImplementation<T>,
  o: { dialect?: DialectName } = {},
): () => void {
  let byDialect = registry.get(kind);
  if (!byDialect) registry.set(kind, (byDialect = new Map()));
  const key = o.dialect ?? "*";
  const previous = byDialect.get(key);
  byDialect.set(key, impl as OpImplementation);
  const entries = byDialect;
  return () => {
    if (previous) entries.set(key, previous);
    else entries.delete(key);
  };
}

/** The registered implementation for a kind on a dialect, if any. */
export function implementationOf(kind: string, dialect: DialectName): OpImplementation | undefined {
  const byDialect = registry.get(kind);
  return byDialect?.get(dialect) ?? byDialect?.get("*");
}

/**
 * The default implementation: the dialect's DDL compiler turns the op into statements, each
 * executed through the context. A kind the compiler does not know throws UnsupportedOpError,
 * so an op is never skipped silently.
 */
export const compileAndExecute: OpImplementation = async (ctx, op) => {
  for (const sql of ctx.impl.createDdlCompiler().compile(op)) await ctx.execute(sql);
};

/** Runs one op: its registered implementation, or compile-and-execute. */
export async function runOp(ctx: MigrationContext, op: OpNode): Promise<void> {
  await (implementationOf(op.kind, ctx.impl.name) ?? compileAndExecute)(ctx, op);
}

// The containers dispatch their children one by one, so a custom op or a batch block inside
// them still finds its own implementation.
implementationFor<ModifyTableOps>("ModifyTableOps", async (ctx, op) => {
  for (const child of op.ops) await runOp(ctx, child);
});
implementationFor("BatchAlterTableOp", batchAlterTable);

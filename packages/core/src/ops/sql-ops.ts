import { NotReversibleError } from "../errors";
import { freeze } from "../freeze";
import type { QualifiedName } from "../schema/qualified-name";
import type { OpNode } from "./op-node";

/** Raw SQL. Reversible only when the author gave the reverse statement. */
export interface ExecuteSQLOp extends OpNode {
  readonly kind: "ExecuteSQLOp";
  readonly sql: string;
  readonly reverseSql: string | null;
}
/** Rows to insert; values are JS literals (string, number, boolean, null, Date). */
export interface BulkInsertOp extends OpNode {
  readonly kind: "BulkInsertOp";
  readonly table: QualifiedName;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

export const ExecuteSQLOp = freeze({
  is: (op: OpNode): op is ExecuteSQLOp => op.kind === "ExecuteSQLOp",
  create: (sql: string, reverseSql: string | null = null): ExecuteSQLOp =>
    freeze({ kind: "ExecuteSQLOp", sql, reverseSql }),
  reverse: (op: ExecuteSQLOp): ExecuteSQLOp => {
    if (op.reverseSql === null) throw new NotReversibleError(op);
    return ExecuteSQLOp.create(op.reverseSql, op.sql);
  },
});
export const BulkInsertOp = freeze({
  is: (op: OpNode): op is BulkInsertOp => op.kind === "BulkInsertOp",
  create: (table: QualifiedName, rows: readonly Record<string, unknown>[]): BulkInsertOp =>
    freeze({ kind: "BulkInsertOp", table, rows: rows.map((r) => ({ ...r })) }),
  reverse: (op: BulkInsertOp): never => {
    throw new NotReversibleError(op);
  },
});

import type { AddColumnOp, AlterColumnOp, BatchAlterTableOp, OpNode } from "@autogen/core";
import { isBareDefault } from "../default-expression";

/** An AlterColumnOp that only renames: RENAME COLUMN runs in place. */
export function isRenameOnly(op: AlterColumnOp): boolean {
  const keys = Object.keys(op.modify);
  return keys.length === 1 && keys[0] === "name";
}

/**
 * The ops a batch may run in place on SQLite: adding a plain column (ADD COLUMN refuses
 * expression defaults, keys and stored generated columns), a column rename, and index changes
 * (an index rename included).
 * Dropping a column recreates, since DROP COLUMN fails when an index or constraint names it.
 */
export function isInPlaceInBatch(op: OpNode): boolean {
  switch (op.kind) {
    case "AddColumnOp": {
      const c = (op as AddColumnOp).column;
      return !c.autoIncrement && c.generated === null && (c.default === null || isConstantDefault(c.default));
    }
    case "AlterColumnOp":
      return isRenameOnly(op as AlterColumnOp);
    case "CreateIndexOp":
    case "DropIndexOp":
    case "RenameIndexOp":
      return true;
    default:
      return false;
  }
}

/** ADD COLUMN accepts only constant defaults: no expression, no CURRENT_TIMESTAMP (https://www.sqlite.org/lang_altertable.html#altertabaddcol). */
const isConstantDefault = (expr: string): boolean =>
  isBareDefault(expr) && !/^(?:\(|current_|localtime)/i.test(expr.trim());

/**
 * SQLite's decision for a batch block (Alembic's `SQLiteImpl.requires_recreate_in_batch`):
 * `auto` recreates unless every op runs in place, `always` and `never` are taken as said.
 */
export function sqliteRequiresRecreate(op: BatchAlterTableOp): boolean {
  if (op.recreate === "never") return false;
  return op.recreate === "always" || !op.ops.every(isInPlaceInBatch);
}

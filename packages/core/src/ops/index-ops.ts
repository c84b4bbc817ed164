import { freeze } from "../freeze";
import type { Index } from "../schema/index-node";
import type { QualifiedName } from "../schema/qualified-name";
import type { OpNode } from "./op-node";

export interface CreateIndexOp extends OpNode {
  readonly kind: "CreateIndexOp";
  readonly table: QualifiedName;
  readonly index: Index;
  /** PostgreSQL CREATE INDEX CONCURRENTLY (needs an autocommit block). */
  readonly concurrently: boolean;
}
/** Carries the whole dropped index so that its reverse can recreate it. */
export interface DropIndexOp extends OpNode {
  readonly kind: "DropIndexOp";
  readonly table: QualifiedName;
  readonly index: Index;
}

/**
 * Renames an index; carries the whole index (under its old name) so that a dialect without an
 * index rename (SQLite) can drop it and create it under the new name.
 */
export interface RenameIndexOp extends OpNode {
  readonly kind: "RenameIndexOp";
  readonly table: QualifiedName;
  readonly index: Index;
  readonly newName: string;
}

export const CreateIndexOp = freeze({
  is: (op: OpNode): op is CreateIndexOp => op.kind === "CreateIndexOp",
  create: (table: QualifiedName, index: Index, o: { concurrently?: boolean } = {}): CreateIndexOp =>
    freeze({ kind: "CreateIndexOp", table, index, concurrently: o.concurrently ?? false }),
  reverse: (op: CreateIndexOp): DropIndexOp => DropIndexOp.create(op.table, op.index),
});
export const DropIndexOp = freeze({
  is: (op: OpNode): op is DropIndexOp => op.kind === "DropIndexOp",
  create: (table: QualifiedName, index: Index): DropIndexOp => freeze({ kind: "DropIndexOp", table, index }),
  reverse: (op: DropIndexOp): CreateIndexOp => CreateIndexOp.create(op.table, op.index),
});
export const RenameIndexOp = freeze({
  is: (op: OpNode): op is RenameIndexOp => op.kind === "RenameIndexOp",
  create: (table: QualifiedName, index: Index, newName: string): RenameIndexOp =>
    freeze({ kind: "RenameIndexOp", table, index, newName }),
  reverse: (op: RenameIndexOp): RenameIndexOp =>
    RenameIndexOp.create(op.table, freeze({ ...op.index, name: op.newName }), op.index.name),
});

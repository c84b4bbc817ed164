import { freeze } from "../freeze";
import type { QualifiedName } from "../schema/qualified-name";
import type { Table } from "../schema/table";
import type { OpNode } from "./op-node";

export interface CreateTableOp extends OpNode {
  readonly kind: "CreateTableOp";
  readonly table: Table;
}
/** Carries the whole reflected table so that its reverse can recreate it. */
export interface DropTableOp extends OpNode {
  readonly kind: "DropTableOp";
  readonly table: Table;
}
export interface RenameTableOp extends OpNode {
  readonly kind: "RenameTableOp";
  readonly table: QualifiedName;
  readonly newName: string;
}

export const CreateTableOp = freeze({
  is: (op: OpNode): op is CreateTableOp => op.kind === "CreateTableOp",
  create: (table: Table): CreateTableOp => freeze({ kind: "CreateTableOp", table }),
  reverse: (op: CreateTableOp): DropTableOp => DropTableOp.create(op.table),
});
export const DropTableOp = freeze({
  is: (op: OpNode): op is DropTableOp => op.kind === "DropTableOp",
  create: (table: Table): DropTableOp => freeze({ kind: "DropTableOp", table }),
  reverse: (op: DropTableOp): CreateTableOp => CreateTableOp.create(op.table),
});
export const RenameTableOp = freeze({
  is: (op: OpNode): op is RenameTableOp => op.kind === "RenameTableOp",
  create: (table: QualifiedName, newName: string): RenameTableOp => freeze({ kind: "RenameTableOp", table, newName }),
  reverse: (op: RenameTableOp): RenameTableOp =>
    RenameTableOp.create({ schema: op.table.schema, name: op.newName }, op.table.name),
});

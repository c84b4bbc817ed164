import { freeze } from "../freeze";
import type { Enum } from "../schema/enum";
import type { QualifiedName } from "../schema/qualified-name";
import type { OpNode } from "./op-node";

/** CREATE TYPE ... AS ENUM (PostgreSQL). */
export interface CreateEnumOp extends OpNode {
  readonly kind: "CreateEnumOp";
  readonly enum: Enum;
}
export interface DropEnumOp extends OpNode {
  readonly kind: "DropEnumOp";
  readonly enum: Enum;
}
/** ALTER TYPE ... ADD VALUE (PostgreSQL; runs in an autocommit block). */
export interface AddEnumValueOp extends OpNode {
  readonly kind: "AddEnumValueOp";
  readonly enum: QualifiedName;
  readonly value: string;
  readonly before: string | null;
  readonly after: string | null;
}
/** CREATE SCHEMA / DROP SCHEMA (PostgreSQL). */
export interface CreateSchemaOp extends OpNode {
  readonly kind: "CreateSchemaOp";
  readonly name: string;
}
export interface DropSchemaOp extends OpNode {
  readonly kind: "DropSchemaOp";
  readonly name: string;
}

export const CreateEnumOp = freeze({
  is: (op: OpNode): op is CreateEnumOp => op.kind === "CreateEnumOp",
  create: (e: Enum): CreateEnumOp => freeze({ kind: "CreateEnumOp", enum: e }),
  reverse: (op: CreateEnumOp): DropEnumOp => DropEnumOp.create(op.enum),
});
export const DropEnumOp = freeze({
  is: (op: OpNode): op is DropEnumOp => op.kind === "DropEnumOp",
  create: (e: Enum): DropEnumOp => freeze({ kind: "DropEnumOp", enum: e }),
  reverse: (op: DropEnumOp): CreateEnumOp => CreateEnumOp.create(op.enum),
});
export const AddEnumValueOp = freeze({
  is: (op: OpNode): op is AddEnumValueOp => op.kind === "AddEnumValueOp",
  create: (e: QualifiedName, value: string, o: { before?: string | null; after?: string | null } = {}): AddEnumValueOp =>
    freeze({ kind: "AddEnumValueOp", enum: e, value, before: o.before ?? null, after: o.after ?? null }),
});
export const CreateSchemaOp = freeze({
  is: (op: OpNode): op is CreateSchemaOp => op.kind === "CreateSchemaOp",
  create: (name: string): CreateSchemaOp => freeze({ kind: "CreateSchemaOp", name }),
  reverse: (op: CreateSchemaOp): DropSchemaOp => DropSchemaOp.create(op.name),
});
export const DropSchemaOp = freeze({
  is: (op: OpNode): op is DropSchemaOp => op.kind === "DropSchemaOp",
  create: (name: string): DropSchemaOp => freeze({ kind: "DropSchemaOp", name }),
  reverse: (op: DropSchemaOp): CreateSchemaOp => CreateSchemaOp.create(op.name),
});

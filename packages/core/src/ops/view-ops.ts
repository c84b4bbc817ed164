import { NotReversibleError } from "../errors";
import { freeze } from "../freeze";
import type { QualifiedName } from "../schema/qualified-name";
import type { OpNode } from "./op-node";

/** CREATE VIEW name AS definition (a plain view: materialized views are left alone). */
export interface CreateViewOp extends OpNode {
  readonly kind: "CreateViewOp";
  readonly view: QualifiedName;
  readonly definition: string;
}
/** DROP VIEW; carries the dropped definition (when known) so that its reverse can recreate the view. */
export interface DropViewOp extends OpNode {
  readonly kind: "DropViewOp";
  readonly view: QualifiedName;
  readonly existingDefinition: string | null;
}
/** Replaces a view's definition (CREATE OR REPLACE VIEW); `existingDefinition` is what its reverse puts back. */
export interface ReplaceViewOp extends OpNode {
  readonly kind: "ReplaceViewOp";
  readonly view: QualifiedName;
  readonly definition: string;
  readonly existingDefinition: string | null;
}

export const CreateViewOp = freeze({
  is: (op: OpNode): op is CreateViewOp => op.kind === "CreateViewOp",
  create: (view: QualifiedName, definition: string): CreateViewOp => freeze({ kind: "CreateViewOp", view, definition }),
  reverse: (op: CreateViewOp): DropViewOp => DropViewOp.create(op.view, op.definition),
});
export const DropViewOp = freeze({
  is: (op: OpNode): op is DropViewOp => op.kind === "DropViewOp",
  create: (view: QualifiedName, existingDefinition: string | null = null): DropViewOp =>
    freeze({ kind: "DropViewOp", view, existingDefinition }),
  reverse: (op: DropViewOp): CreateViewOp => {
    if (op.existingDefinition === null) throw new NotReversibleError(op);
    return CreateViewOp.create(op.view, op.existingDefinition);
  },
});
export const ReplaceViewOp = freeze({
  is: (op: OpNode): op is ReplaceViewOp => op.kind === "ReplaceViewOp",
  create: (view: QualifiedName, definition: string, existingDefinition: string | null = null): ReplaceViewOp =>
    freeze({ kind: "ReplaceViewOp", view, definition, existingDefinition }),
  reverse: (op: ReplaceViewOp): ReplaceViewOp => {
    if (op.existingDefinition === null) throw new NotReversibleError(op);
    return ReplaceViewOp.create(op.view, op.existingDefinition, op.definition);
  },
});

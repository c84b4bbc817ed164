/**
 * The replaceable-object recipe (alembic cookbook "Replaceable Objects"): views created,
 * dropped and replaced through custom operations, each reversible because every op carries
 * the definition it replaces.
 */
import { NotReversibleError, QualifiedName, freeze, registerReverser, type OpNode } from "@autogen/core";
import type { Dialect } from "@autogen/dialects";
import { registerOperation } from "../custom-operations";
import { implementationFor } from "../implementations";
import type { SchemaOption } from "../operations-api";

export interface CreateViewOp extends OpNode {
  readonly kind: "CreateViewOp";
  readonly view: QualifiedName;
  readonly definition: string;
}
/** Carries the dropped definition (when given) so that its reverse can recreate the view. */
export interface DropViewOp extends OpNode {
  readonly kind: "DropViewOp";
  readonly view: QualifiedName;
  readonly existingDefinition: string | null;
}
/** Replaces a view's definition; `existingDefinition` is what its reverse puts back. */
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

declare module "../operations-api" {
  interface Operations {
    /** CREATE VIEW name AS definition. */
    createView(name: string, definition: string, o?: SchemaOption): Promise<void>;
    /** DROP VIEW; `existingDefinition` makes it reversible. */
    dropView(name: string, o?: SchemaOption & { existingDefinition?: string }): Promise<void>;
    /** CREATE OR REPLACE VIEW (drop and create where the dialect has no OR REPLACE). */
    replaceView(name: string, definition: string, o?: SchemaOption & { existingDefinition?: string }): Promise<void>;
  }
}

const viewName = (d: Dialect, v: QualifiedName): string =>
  v.schema !== null ? `${d.quote(v.schema)}.${d.quote(v.name)}` : d.quote(v.name);

registerOperation("createView", (name: string, definition: string, o: SchemaOption = {}) =>
  CreateViewOp.create(QualifiedName.create(name, o.schema), definition),
);
registerOperation("dropView", (name: string, o: SchemaOption & { existingDefinition?: string } = {}) =>
  DropViewOp.create(QualifiedName.create(name, o.schema), o.existingDefinition ?? null),
);
registerOperation(
  "replaceView",
  (name: string, definition: string, o: SchemaOption & { existingDefinition?: string } = {}) =>
    ReplaceViewOp.create(QualifiedName.create(name, o.schema), definition, o.existingDefinition ?? null),
);

implementationFor<CreateViewOp>("CreateViewOp", async (ctx, op) => {
  await ctx.execute(`CREATE VIEW ${viewName(ctx.impl, op.view)} AS ${op.definition}`);
});
implementationFor<DropViewOp>("DropViewOp", async (ctx, op) => {
  await ctx.execute(`DROP VIEW ${viewName(ctx.impl, op.view)}`);
});
implementationFor<ReplaceViewOp>("ReplaceViewOp", async (ctx, op) => {
  await ctx.execute(`CREATE OR REPLACE VIEW ${viewName(ctx.impl, op.view)} AS ${op.definition}`);
});
// SQLite has no CREATE OR REPLACE VIEW: drop and create, inside the migration's transaction.
implementationFor<ReplaceViewOp>(
  "ReplaceViewOp",
  async (ctx, op) => {
    await ctx.execute(`DROP VIEW ${viewName(ctx.impl, op.view)}`);
    await ctx.execute(`CREATE VIEW ${viewName(ctx.impl, op.view)} AS ${op.definition}`);
  },
  { dialect: "sqlite" },
);

registerReverser("CreateViewOp", (op) => CreateViewOp.reverse(op as CreateViewOp));
registerReverser("DropViewOp", (op) => DropViewOp.reverse(op as DropViewOp));
registerReverser("ReplaceViewOp", (op) => ReplaceViewOp.reverse(op as ReplaceViewOp));

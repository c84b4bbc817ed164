/**
 * The replaceable-object recipe (Alembic's cookbook, "Replaceable Objects"), the worked example
 * of custom operations: stored functions created, dropped and replaced, each op reversible
 * because it carries the definition it replaces. A custom operation registers four things, all
 * from the `autogen` package, and this file does each once:
 *
 * 1. the op node and `op.<name>(...)` that builds it: `registerOperation`;
 * 2. how it runs: `implementationFor` (per dialect where they differ);
 * 3. how it reverses, for downgrades: `registerReverser`;
 * 4. how a revision file spells it, for ops a comparator or Rewriter emits: `registerRenderer`.
 *
 * Views, which autogenerate compares, are built-in ops (`op.createView`, `op.replaceView`,
 * `op.dropView`); functions are not compared, so these ops are written by hand in revisions.
 */
import {
  NotReversibleError,
  QualifiedName,
  UnsupportedOpError,
  freeze,
  registerReverser,
  type OpNode,
} from "@autogen/core";
import { lit, registerRenderer } from "@autogen/renderer";
import { implementationFor, registerOperation, type SchemaOption } from "@autogen/runtime";

/**
 * CREATE FUNCTION name definition. `definition` is everything after the name, as the dialect
 * spells it: `(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN x + 1` on PostgreSQL,
 * `(x INT) RETURNS INT DETERMINISTIC RETURN x + 1` on MariaDB/MySQL.
 */
export interface CreateFunctionOp extends OpNode {
  readonly kind: "CreateFunctionOp";
  readonly name: QualifiedName;
  readonly definition: string;
}
/** DROP FUNCTION; carries the dropped definition (when given) so that its reverse can recreate it. */
export interface DropFunctionOp extends OpNode {
  readonly kind: "DropFunctionOp";
  readonly name: QualifiedName;
  readonly existingDefinition: string | null;
}
/** CREATE OR REPLACE FUNCTION; `existingDefinition` is what its reverse puts back. */
export interface ReplaceFunctionOp extends OpNode {
  readonly kind: "ReplaceFunctionOp";
  readonly name: QualifiedName;
  readonly definition: string;
  readonly existingDefinition: string | null;
}

export const CreateFunctionOp = freeze({
  create: (name: QualifiedName, definition: string): CreateFunctionOp =>
    freeze({ kind: "CreateFunctionOp", name, definition }),
  reverse: (op: CreateFunctionOp): DropFunctionOp => DropFunctionOp.create(op.name, op.definition),
});
export const DropFunctionOp = freeze({
  create: (name: QualifiedName, existingDefinition: string | null = null): DropFunctionOp =>
    freeze({ kind: "DropFunctionOp", name, existingDefinition }),
  reverse: (op: DropFunctionOp): CreateFunctionOp => {
    if (op.existingDefinition === null) throw new NotReversibleError(op);
    return CreateFunctionOp.create(op.name, op.existingDefinition);
  },
});
export const ReplaceFunctionOp = freeze({
  create: (name: QualifiedName, definition: string, existingDefinition: string | null = null): ReplaceFunctionOp =>
    freeze({ kind: "ReplaceFunctionOp", name, definition, existingDefinition }),
  reverse: (op: ReplaceFunctionOp): ReplaceFunctionOp => {
    if (op.existingDefinition === null) throw new NotReversibleError(op);
    return ReplaceFunctionOp.create(op.name, op.existingDefinition, op.definition);
  },
});

// 1. The typed `op.createFunction(...)` for revision files, and the factories behind it.
declare module "@autogen/runtime" {
  interface Operations {
    createFunction(name: string, definition: string, o?: SchemaOption): Promise<void>;
    dropFunction(name: string, o?: SchemaOption & { existingDefinition?: string }): Promise<void>;
    replaceFunction(
      name: string,
      definition: string,
      o?: SchemaOption & { existingDefinition?: string },
    ): Promise<void>;
  }
}
registerOperation("createFunction", (name: string, definition: string, o: SchemaOption = {}) =>
  CreateFunctionOp.create(QualifiedName.create(name, o.schema), definition),
);
registerOperation("dropFunction", (name: string, o: SchemaOption & { existingDefinition?: string } = {}) =>
  DropFunctionOp.create(QualifiedName.create(name, o.schema), o.existingDefinition ?? null),
);
registerOperation(
  "replaceFunction",
  (name: string, definition: string, o: SchemaOption & { existingDefinition?: string } = {}) =>
    ReplaceFunctionOp.create(QualifiedName.create(name, o.schema), definition, o.existingDefinition ?? null),
);

// 2. The statements. PostgreSQL and MariaDB share them (DROP FUNCTION by name alone: PostgreSQL
// needs no argument list when the name is unique); SQLite has no stored functions.
const functionName = (quote: (id: string) => string, q: QualifiedName): string =>
  q.schema !== null ? `${quote(q.schema)}.${quote(q.name)}` : quote(q.name);
implementationFor<CreateFunctionOp>("CreateFunctionOp", async (ctx, op) => {
  await ctx.execute(`CREATE FUNCTION ${functionName(ctx.impl.quote, op.name)}${op.definition}`);
});
implementationFor<DropFunctionOp>("DropFunctionOp", async (ctx, op) => {
  await ctx.execute(`DROP FUNCTION ${functionName(ctx.impl.quote, op.name)}`);
});
implementationFor<ReplaceFunctionOp>("ReplaceFunctionOp", async (ctx, op) => {
  await ctx.execute(`CREATE OR REPLACE FUNCTION ${functionName(ctx.impl.quote, op.name)}${op.definition}`);
});
for (const kind of ["CreateFunctionOp", "DropFunctionOp", "ReplaceFunctionOp"]) {
  implementationFor(
    kind,
    async (_ctx, op) => {
      throw new UnsupportedOpError(op.kind, "sqlite (it has no stored functions)");
    },
    { dialect: "sqlite" },
  );
}

// 3. Reverses, for downgrades (and for autogenerate's downgrade of an op a Rewriter adds).
registerReverser("CreateFunctionOp", (op) => CreateFunctionOp.reverse(op as CreateFunctionOp));
registerReverser("DropFunctionOp", (op) => DropFunctionOp.reverse(op as DropFunctionOp));
registerReverser("ReplaceFunctionOp", (op) => ReplaceFunctionOp.reverse(op as ReplaceFunctionOp));

// 4. Revision-file code, the same calls a person would write.
const options = (op: { name: QualifiedName; existingDefinition?: string | null }): string => {
  const o = {
    ...(op.existingDefinition != null && { existingDefinition: op.existingDefinition }),
    ...(op.name.schema !== null && { schema: op.name.schema }),
  };
  return Object.keys(o).length ? `, ${lit(o)}` : "";
};
registerRenderer("CreateFunctionOp", (_ctx, op) => {
  const f = op as CreateFunctionOp;
  return [`await op.createFunction(${lit(f.name.name)}, ${lit(f.definition)}${options({ name: f.name })});`];
});
registerRenderer("DropFunctionOp", (_ctx, op) => {
  const f = op as DropFunctionOp;
  return [`await op.dropFunction(${lit(f.name.name)}${options(f)});`];
});
registerRenderer("ReplaceFunctionOp", (_ctx, op) => {
  const f = op as ReplaceFunctionOp;
  return [`await op.replaceFunction(${lit(f.name.name)}, ${lit(f.definition)}${options(f)});`];
});

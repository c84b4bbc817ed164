import { isDeepStrictEqual } from "node:util";
import { QualifiedName, type OpNode, type Schema } from "@autogen/core";

/**
 * The schema object an op is about, as precisely as the op says: a column or an index of a
 * table, a table, an enum, a view, or (for schema-wide ops such as CREATE EXTENSION) the whole
 * schema.
 */
export type ObjectRef =
  | { readonly kind: "table"; readonly key: string; readonly part?: { list: "columns" | "indexes"; name: string } }
  | { readonly kind: "enum" | "view"; readonly key: string }
  | { readonly kind: "schema" };

/** An op's object, from the fields ops carry (`table`, `column`, `index`, `enum`, `view`). */
export function objectOf(op: OpNode): ObjectRef {
  const o = op as OpNode & {
    table?: Named;
    column?: Named | string;
    index?: { name?: string | null };
    enum?: Named;
    view?: Named;
  };
  if (o.table?.name !== undefined) {
    const key = QualifiedName.key(named(o.table));
    if (op.kind === "CreateTableOp" || op.kind === "DropTableOp") return { kind: "table", key };
    const column = typeof o.column === "string" ? o.column : o.column?.name;
    if (column !== undefined) return { kind: "table", key, part: { list: "columns", name: column } };
    if (o.index?.name) return { kind: "table", key, part: { list: "indexes", name: o.index.name } };
    return { kind: "table", key };
  }
  if (o.enum?.name !== undefined) return { kind: "enum", key: QualifiedName.key(named(o.enum)) };
  if (o.view?.name !== undefined) return { kind: "view", key: QualifiedName.key(named(o.view)) };
  return { kind: "schema" };
}

/** The object in a schema (undefined when it does not exist there). */
function stateOf(schema: Schema, ref: ObjectRef): unknown {
  if (ref.kind === "schema") return schema;
  const list = ref.kind === "table" ? schema.tables : ref.kind === "enum" ? schema.enums : schema.views;
  const found = list.find((x) => QualifiedName.key(named(x)) === ref.key);
  if (ref.kind !== "table" || !ref.part || found === undefined) return found;
  const parts = (found as unknown as Record<string, readonly { name?: string | null }[]>)[ref.part.list] ?? [];
  return parts.find((x) => x.name === ref.part!.name);
}

/**
 * The index of the first state from which an object no longer changes: states[i] is the schema
 * after i steps, so a result k > 0 means step k (1-based) is the last that changed it, and 0
 * that no step changed it at all.
 */
export function settledAt(states: readonly Schema[], ref: ObjectRef): number {
  const final = stateOf(states[states.length - 1]!, ref);
  let k = states.length - 1;
  while (k > 0 && isDeepStrictEqual(stateOf(states[k - 1]!, ref), final)) k--;
  return k;
}

type Named = { readonly name: string; readonly schema?: string | null };
const named = (x: Named): QualifiedName => QualifiedName.create(x.name, x.schema ?? null);

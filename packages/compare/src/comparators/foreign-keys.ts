import { CreateForeignKeyOp, DropConstraintOp, type ForeignKey } from "@autogen/core";
import type { CompareContext } from "../compare-context";
import { Priority, type ComparatorRegistry } from "../registry";
import { sameValue, stableJson } from "../same-value";
import { objectSetComparator, type ObjectSetSpec } from "./object-set";

/** NO ACTION is what an unspecified action means, so the two compare equal. */
const action = (a: ForeignKey["onDelete"]): string | null => (a === null || a === "NO ACTION" ? null : a);

/**
 * Everything but the name (Alembic's FK signature): columns, referenced table (schema folded to
 * the default) and columns, actions, deferrability. Unlike Alembic the name is compared too, by
 * matching on it first, so a renamed key is seen.
 */
const identifying = (ctx: CompareContext, f: ForeignKey): unknown[] => [
  f.columns,
  ctx.schemaOf(f.refSchema),
  f.refTable,
  f.refColumns,
  action(f.onDelete),
  action(f.onUpdate),
  f.deferrable,
  f.deferrable ? (f.initially ?? "IMMEDIATE") : null,
];

export const foreignKeySignature = (ctx: CompareContext, f: ForeignKey): string => stableJson(identifying(ctx, f));

export const FOREIGN_KEY_SPEC: ObjectSetSpec<ForeignKey> = {
  filterType: "foreign_key_constraint",
  list: (t) => t.foreignKeys,
  signature: foreignKeySignature,
  same: (ctx, a, b) => sameValue(identifying(ctx, a), identifying(ctx, b)),
  drop: (d, f) => DropConstraintOp.create(d.name, f),
  create: (d, f) => CreateForeignKeyOp.create(d.name, f),
  dropGroup: "droppedForeignKeys",
  addGroup: "addedForeignKeys",
};

export const compareForeignKeys = objectSetComparator(FOREIGN_KEY_SPEC);

export function setup(r: ComparatorRegistry): void {
  r.register("table", "foreign_keys", compareForeignKeys, {
    priority: Priority.Last,
  });
}

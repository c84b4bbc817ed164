import { compareText, type ForeignKey, type Table } from "@autogen/core";

/** Tables in dependency order, and the foreign keys that had to be left out to get one. */
export interface TableOrder {
  /** Referenced tables before the tables referencing them. */
  readonly order: readonly Table[];
  /** Foreign keys that close a cycle: created after all the tables (dropped before them). */
  readonly deferred: readonly { readonly table: Table; readonly fk: ForeignKey }[];
}

/**
 * Orders tables so that every table comes after the tables its foreign keys reference (only
 * references within `tables` count; a self-reference is fine inline). A depth-first walk over
 * tables and keys in sorted order: a key that leads back to a table still being visited closes
 * a cycle and is deferred (Alembic leaves such cycles unbroken, #326). Deterministic.
 */
export function orderTables(
  tables: readonly Table[],
  keyOf: (q: { schema: string | null; name: string }) => string,
): TableOrder {
  const byTableKey = new Map(tables.map((t) => [keyOf(t), t]));
  const sorted = [...byTableKey.entries()].sort(([a], [b]) => compareText(a, b));
  const state = new Map<string, "visiting" | "done">();
  const order: Table[] = [];
  const deferred: { table: Table; fk: ForeignKey }[] = [];
  const fkKey = (f: ForeignKey): string => f.name ?? `\uffff${f.columns.join(",")}`;
  const visit = (key: string, t: Table): void => {
    state.set(key, "visiting");
    for (const fk of [...t.foreignKeys].sort((a, b) => compareText(fkKey(a), fkKey(b)))) {
      const ref = keyOf({ schema: fk.refSchema, name: fk.refTable });
      const target = byTableKey.get(ref);
      if (!target || ref === key) continue;
      const s = state.get(ref);
      if (s === "visiting") deferred.push({ table: t, fk });
      else if (s === undefined) visit(ref, target);
    }
    state.set(key, "done");
    order.push(t);
  };
  for (const [key, t] of sorted) if (!state.has(key)) visit(key, t);
  return { order, deferred };
}

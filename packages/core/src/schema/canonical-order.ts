import type { Enum } from "./enum";
import { Schema } from "./schema";
import { Table } from "./table";
import type { View } from "./view";

/**
 * The one order a Schema's lists are kept in, by metadata (the model) and reflection (the
 * database) alike, so that compare and tests can use plain deep equality: code-unit order
 * (never locale order, the same on every machine); tables, enums and views by (schema or "",
 * name); indexes and constraints by name, unnamed ones (SQLite) last; columns keep their
 * ordinal order.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byQualifiedName(
  a: { readonly schema: string | null; readonly name: string },
  b: { readonly schema: string | null; readonly name: string },
): number {
  return compareText(a.schema ?? "", b.schema ?? "") || compareText(a.name, b.name);
}

/** An index or constraint: named, or (SQLite) unnamed and told apart by what it covers. */
type Sortable = {
  readonly name: string | null;
  readonly columns?: readonly string[];
  readonly expression?: string;
};

/**
 * By name; unnamed ones last, ordered by their columns, then their expression (checks), then
 * everything else they hold, so that two unnamed constraints never tie on one side and not
 * the other (a tie kept the input order, which differs between the model and the database).
 */
export function byName(a: Sortable, b: Sortable): number {
  if (a.name !== null && b.name !== null) return compareText(a.name, b.name);
  if (a.name !== b.name) return a.name === null ? 1 : -1;
  return (
    compareText((a.columns ?? []).join("\u0000"), (b.columns ?? []).join("\u0000")) ||
    compareText(a.expression ?? "", b.expression ?? "") ||
    compareText(JSON.stringify(a), JSON.stringify(b))
  );
}

/** `xs` itself when it is in order already (as both sides mostly build their lists), else a sorted copy. */
function sortedBy<T>(xs: readonly T[], order: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < xs.length; i++) if (order(xs[i - 1]!, xs[i]!) > 0) return [...xs].sort(order);
  return xs;
}

/** A Table whose indexes and constraints are in canonical order (columns keep theirs): `t` itself when they are. */
export function sortedTable(t: Table): Table {
  const patch = {
    indexes: sortedBy(t.indexes, byName),
    uniques: sortedBy(t.uniques, byName),
    foreignKeys: sortedBy(t.foreignKeys, byName),
    checks: sortedBy(t.checks, byName),
    exclusions: sortedBy(t.exclusions, byName),
  };
  const unchanged =
    patch.indexes === t.indexes &&
    patch.uniques === t.uniques &&
    patch.foreignKeys === t.foreignKeys &&
    patch.checks === t.checks &&
    patch.exclusions === t.exclusions;
  return unchanged && Object.isFrozen(t) ? t : Table.cloneWith(t, patch);
}

/** A frozen Schema in canonical order: tables (each sorted), enums, views, and the schema names once each. */
export function sortedSchema(p: {
  readonly tables: readonly Table[];
  readonly enums?: readonly Enum[];
  readonly views?: readonly View[];
  readonly schemas?: readonly string[];
}): Schema {
  return Schema.create({
    tables: p.tables.map(sortedTable).sort(byQualifiedName),
    enums: sortedBy(p.enums ?? [], byQualifiedName),
    views: sortedBy(p.views ?? [], byQualifiedName),
    schemas: [...new Set(p.schemas ?? [])].sort(compareText),
  });
}

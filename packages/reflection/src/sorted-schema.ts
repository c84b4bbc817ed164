import { Schema, Table } from "@autogen/core";
import type { CheckConstraint, Enum, ForeignKey, Index, UniqueConstraint, View } from "@autogen/core";

type Named = { readonly name: string | null; readonly columns?: readonly string[] };

/** Orders named objects by name; unnamed ones (SQLite) come last, ordered by their columns. */
function byName(a: Named, b: Named): number {
  if (a.name !== null && b.name !== null) return compareText(a.name, b.name);
  if (a.name !== b.name) return a.name === null ? 1 : -1;
  return compareText((a.columns ?? []).join("\u0000"), (b.columns ?? []).join("\u0000"));
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byQualifiedName(
  a: { schema: string | null; name: string },
  b: { schema: string | null; name: string },
): number {
  return compareText(a.schema ?? "", b.schema ?? "") || compareText(a.name, b.name);
}

/** A Table whose indexes and constraints are sorted by name (columns keep their ordinal order). */
export function sortedTable(t: Table): Table {
  return Table.cloneWith(t, {
    indexes: [...t.indexes].sort(byName) as Index[],
    uniques: [...t.uniques].sort(byName) as UniqueConstraint[],
    foreignKeys: [...t.foreignKeys].sort(byName) as ForeignKey[],
    checks: [...t.checks].sort(
      (a: CheckConstraint, b: CheckConstraint) => byName(a, b) || compareText(a.expression, b.expression),
    ),
  });
}

/** A frozen Schema with tables, enums and views sorted by schema and name, and each table sorted. */
export function sortedSchema(p: { tables: Table[]; enums?: Enum[]; views?: View[]; schemas?: string[] }): Schema {
  return Schema.create({
    tables: p.tables.map(sortedTable).sort(byQualifiedName),
    enums: [...(p.enums ?? [])].sort(byQualifiedName),
    views: [...(p.views ?? [])].sort(byQualifiedName),
    schemas: [...new Set(p.schemas ?? [])].sort(compareText),
  });
}

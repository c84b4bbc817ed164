import type { EnumColumnRef, Enum, Schema } from "@autogen/core";
import type { CompareContext } from "./compare-context";

/**
 * A column type as a type reference: `"Mood"[]` → { schema: null, name: "Mood", array: true },
 * `app.user_role_enum` → { schema: "app", ... }. Identifiers are split on dots outside double
 * quotes and unquoted (`""` is a quote), as the catalogs print user types.
 */
export function typeReference(type: string): { schema: string | null; name: string; array: boolean } {
  const array = /\[\]$/.test(type);
  const text = type.replace(/(\[\])+$/, "");
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === "." && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  const name = parts.pop() as string;
  return { schema: parts.length ? (parts.pop() as string) : null, name, array };
}

/**
 * The columns of `schema` whose type is the enum `e` or an array of it, in table order, with
 * their defaults (kept as they are): what recreating the type has to convert (a type is used by
 * its columns regardless of which schema their tables are in).
 */
export function enumColumns(ctx: CompareContext, schema: Schema, e: Enum): EnumColumnRef[] {
  const key = ctx.keyOf(e);
  const out: EnumColumnRef[] = [];
  for (const t of schema.tables) {
    if (ctx.isExcludedTable(t)) continue;
    for (const c of t.columns) {
      const ref = typeReference(c.type);
      // A type without a schema is found through the search path: the default schema's.
      if (ctx.keyOf(ref) !== key) continue;
      out.push({
        table: { schema: t.schema, name: t.name },
        column: c.name,
        array: ref.array,
        default: c.default,
        existingDefault: c.default,
      });
    }
  }
  return out;
}

/** A map key for a column of a table. */
export const columnKey = (
  ctx: CompareContext,
  table: { schema: string | null; name: string },
  column: string,
): string => `${ctx.keyOf(table)}\u0000${column}`;

import { Column, QualifiedName, Table, type Schema } from "@autogen/core";
import { mysqlCanonical, mysqlCharsetName } from "@autogen/dialects";
import { mapKeepingIdentity, mapTables } from "../map-keeping-identity";

/** A charset and collation pair as the server reports it (either may be null: not applicable, or unknown). */
export interface CharsetPair {
  readonly charset: string | null;
  readonly collation: string | null;
}

/**
 * The charset and collation worth reporting on an object, given its parent's: the charset when
 * it differs; the collation when it differs and is not just the default of a reported charset.
 * Reflection reports columns against their table and tables against their schema this way.
 */
export function differingCharset(
  own: CharsetPair & { readonly charsetDefaultCollation: string | null },
  parent: CharsetPair,
): CharsetPair {
  const charset = own.charset !== null && own.charset !== parent.charset ? own.charset : null;
  const impliedByCharset = charset !== null && own.collation === own.charsetDefaultCollation;
  const collation =
    own.collation !== null && own.collation !== parent.collation && !impliedByCharset ? own.collation : null;
  return { charset, collation };
}

/** What one reflect() learnt of the charsets in scope: each table's and each schema's (by name; null key: the current database). */
export interface ReflectedCharsets {
  readonly tables: ReadonlyMap<string, CharsetPair>;
  readonly schemas: ReadonlyMap<string | null, CharsetPair>;
}

/** The key of a table in {@link ReflectedCharsets.tables}. */
export const charsetTableKey = (schema: string | null, name: string): string => QualifiedName.key({ schema, name });

/**
 * The model's column charsets and collations as reflection would report them once the model is
 * in the database. A column inherits its table's charset and collation, and a charset named
 * alone brings that charset's default collation, so a model that spells out what the table
 * already has (`@Column({ collation: "utf8mb4_general_ci" })` on a utf8mb4_general_ci table)
 * says nothing reflection would report, and without this step would be a change on every
 * autogenerate. Tables the database has are resolved against their reflected charset; new ones
 * against their schema's default (or their own options).
 *
 * `defaultCollations`: charset → its default collation, from the server, in canonical names.
 */
export function resolveModelCharsets(
  target: Schema,
  reflected: ReflectedCharsets,
  defaultCollations: ReadonlyMap<string, string>,
): Schema {
  const canonicalName = (name: string | null): string | null => (name === null ? null : mysqlCharsetName(name));
  const tableCharsets = (t: Table): CharsetPair => {
    const existing = reflected.tables.get(charsetTableKey(t.schema, t.name));
    if (existing) return { charset: canonicalName(existing.charset), collation: canonicalName(existing.collation) };
    const schema = reflected.schemas.get(t.schema) ?? { charset: null, collation: null };
    const charset = t.options["charset"] ?? schema.charset;
    const collation =
      t.options["collation"] ??
      (t.options["charset"] !== undefined ? (defaultCollations.get(t.options["charset"]) ?? null) : schema.collation);
    return { charset: canonicalName(charset), collation: canonicalName(collation) };
  };
  return mapTables(target, (t) => {
    if (!t.columns.some((c) => c.charset !== null || c.collation !== null)) return t;
    const parent = tableCharsets(t);
    const columns = mapKeepingIdentity(t.columns, (c) => {
      if (c.charset === null && c.collation === null) return c;
      // A collation names its charset (its prefix); a charset alone brings its default collation.
      const charset = c.charset ?? charsetOfCollation(c.collation!);
      const collation = c.collation ?? defaultCollations.get(charset) ?? null;
      const own = { charset, collation, charsetDefaultCollation: defaultCollations.get(charset) ?? null };
      const resolved = mysqlCanonical.column(Column.cloneWith(c, differingCharset(own, parent)));
      return resolved.charset === c.charset && resolved.collation === c.collation ? c : resolved;
    });
    return columns === t.columns ? t : Table.cloneWith(t, { columns });
  });
}

/** A collation's charset is its name up to the first `_` (no charset name contains one). */
function charsetOfCollation(collation: string): string {
  const end = collation.indexOf("_");
  return end < 0 ? collation : collation.slice(0, end);
}

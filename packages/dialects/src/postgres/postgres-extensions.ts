import type { Column } from "@autogen/core";

/**
 * Functions and types that come from contrib extensions rather than PostgreSQL itself
 * (https://www.postgresql.org/docs/current/contrib.html), so that a revision whose model uses
 * them installs the extension first. gen_random_uuid() is built in since PostgreSQL 13.
 */
const FUNCTIONS: Readonly<Record<string, string>> = {
  uuid_generate_v1: "uuid-ossp",
  uuid_generate_v1mc: "uuid-ossp",
  uuid_generate_v3: "uuid-ossp",
  uuid_generate_v4: "uuid-ossp",
  uuid_generate_v5: "uuid-ossp",
  uuid_nil: "uuid-ossp",
  digest: "pgcrypto",
  hmac: "pgcrypto",
  crypt: "pgcrypto",
  gen_salt: "pgcrypto",
  gen_random_bytes: "pgcrypto",
};
const TYPES: Readonly<Record<string, string>> = {
  citext: "citext",
  hstore: "hstore",
  ltree: "ltree",
  cube: "cube",
  isbn: "isn",
  ean13: "isn",
};

const NONE: readonly string[] = Object.freeze([]);

/** `table[key]` when the table has it as its own entry (not an Object.prototype member). */
const entry = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * The extensions a canonical column needs: by its type (arrays too) and by the functions its
 * default calls. Asked for every column of both schemas: most need none, and are answered
 * without a regex or an array of their own.
 */
export function postgresRequiredExtensions(column: Column): readonly string[] {
  const type = /["[]/.test(column.type)
    ? entry(TYPES, column.type.replace(/(\[\])+$/, "").replace(/^"|"$/g, ""))
    : entry(TYPES, column.type);
  const calls = column.default !== null && column.default.includes("(");
  if (!type && !calls) return NONE;
  const out = new Set<string>();
  if (type) out.add(type);
  if (calls) {
    for (const m of column.default!.matchAll(/([a-z_][a-z0-9_]*)\s*\(/gi)) {
      const ext = entry(FUNCTIONS, (m[1] as string).toLowerCase());
      if (ext) out.add(ext);
    }
  }
  return [...out].sort();
}

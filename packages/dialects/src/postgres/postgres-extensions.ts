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

/** The extensions a canonical column needs: by its type (arrays too) and by the functions its default calls. */
export function postgresRequiredExtensions(column: Column): readonly string[] {
  const out = new Set<string>();
  const type = TYPES[column.type.replace(/(\[\])+$/, "").replace(/^"|"$/g, "")];
  if (type) out.add(type);
  for (const m of (column.default ?? "").matchAll(/([a-z_][a-z0-9_]*)\s*\(/gi)) {
    const ext = FUNCTIONS[(m[1] as string).toLowerCase()];
    if (ext) out.add(ext);
  }
  return [...out].sort();
}

import { MEMORY_FILENAME } from "./database-url";
import type { DriverSession } from "./driver-session";
import { loadDriver, type PgliteDatabase, type PgliteModule, type PgliteResults } from "./driver-modules";
import { bindPlaceholders, POSTGRES_QUOTING } from "./placeholders";

/**
 * Values as pg returns them, so that reflection reads PGlite and a PostgreSQL server alike:
 * bigint and numeric as text (PGlite gives numbers), `name[]` as its array text.
 */
const PG_COMPATIBLE_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  20: (text) => text,
  1700: (text) => text,
  1003: (text) => text,
};

/** Adapts a PGlite instance (PostgreSQL compiled to WebAssembly, in this process). */
export function pgliteSession(db: PgliteDatabase, o: { owned: boolean } = { owned: true }): DriverSession {
  return {
    dialect: "postgres",
    versionQuery: "SELECT split_part(current_setting('server_version'), ' ', 1) AS version",
    async run(sql, params) {
      // As with pg: the simple protocol (exec) without parameters, which accepts several
      // statements and answers with one result each; the last one is the statement's outcome.
      const result: PgliteResults | undefined =
        params.length === 0
          ? (await db.exec(sql)).at(-1)
          : await db.query(
              bindPlaceholders(sql, params, POSTGRES_QUOTING, (i) => `$${i + 1}`),
              [...params],
            );
      const rows = result?.rows ?? [];
      return { rows, rowCount: result?.affectedRows ?? rows.length };
    },
    end: async () => {
      if (o.owned) await db.close();
    },
  };
}

/**
 * Opens PGlite on a data directory (created and initialised when empty; one process at a time)
 * or in memory. Its first start in a process takes a few seconds (the WebAssembly build loads).
 */
export async function openPglite(dataDir: string): Promise<DriverSession> {
  const { PGlite } = loadDriver<PgliteModule>("@electric-sql/pglite");
  const db = new PGlite({
    ...(dataDir !== MEMORY_FILENAME && { dataDir }),
    parsers: PG_COMPATIBLE_PARSERS,
    extensions: contribExtensions(),
  });
  try {
    await db.waitReady;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return pgliteSession(db);
}

/**
 * The contrib extensions PGlite ships (`@electric-sql/pglite/contrib/<module>`) that a schema can
 * depend on: column types (citext, hstore, ltree, cube, seg, isn, lo), functions in defaults
 * (uuid-ossp's uuid_generate_v4, pgcrypto's gen_random_uuid), index operator classes (pg_trgm,
 * btree_gin, btree_gist) and what they build on (fuzzystrmatch, earthdistance, intarray,
 * unaccent). Given to every instance, so a revision's CREATE EXTENSION for one of them works on
 * PGlite as on a server (TypeORM's uuid columns want uuid-ossp); the module is the extension's
 * name with `_` for `-`. A module this PGlite version lacks is left out.
 */
export const PGLITE_CONTRIB_EXTENSIONS = [
  "btree_gin",
  "btree_gist",
  "citext",
  "cube",
  "earthdistance",
  "fuzzystrmatch",
  "hstore",
  "intarray",
  "isn",
  "lo",
  "ltree",
  "pg_trgm",
  "pgcrypto",
  "seg",
  "unaccent",
  "uuid_ossp",
] as const;

let contrib: Record<string, unknown> | undefined;

function contribExtensions(): Record<string, unknown> {
  if (contrib === undefined) {
    contrib = {};
    for (const name of PGLITE_CONTRIB_EXTENSIONS) {
      try {
        const extension = (require(`@electric-sql/pglite/contrib/${name}`) as Record<string, unknown>)[name];
        if (extension !== undefined) contrib[name] = extension;
      } catch {
        // Not in this PGlite version: CREATE EXTENSION then fails as for any other.
      }
    }
  }
  return contrib;
}

/**
 * PGlite has only its contrib extensions (PGLITE_CONTRIB_EXTENSIONS; no PostGIS, no pgvector...):
 * a revision that creates another fails with `extension "x" is not available` (SQLSTATE 0A000).
 * The message for such a failure says so and what to do; null for any other error.
 */
export function explainPgliteFailure(err: unknown): string | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const m = /extension "([^"]+)" is not available/.exec(e.message);
    if ((e as { code?: unknown }).code === "0A000" && m) {
      return `PGlite has no extension "${m[1]}" (it ships without most extensions): set 'shadowUrl' to a PostgreSQL server where this login may create databases`;
    }
  }
  return null;
}

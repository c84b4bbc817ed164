/* The scratch databases `autogen verify` leaves on a test's server (or in its TMPDIR, for SQLite). */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { connect, formatUrl, getDialect, parseUrl } from "@autogen/dialects";
import type { FreshDatabase } from "@autogen/dialects/testing";

/** Databases named autogen_verify_* on the test database's server (temp folders in `tmp` for SQLite), sorted. */
export async function leftovers(db: FreshDatabase, tmp: string): Promise<string[]> {
  if (db.dialect === "sqlite")
    return fs
      .readdirSync(tmp)
      .filter((f) => f.startsWith("autogen-verify-"))
      .sort();
  const conn = await connect(formatUrl({ ...parseUrl(db.url) }, { mask: false }));
  try {
    const { rows } = await conn.query<{ name: string }>(
      getDialect(db.dialect).serverDatabases!.list("autogen_verify_"),
    );
    return rows.map((r) => r.name).sort();
  } finally {
    await conn.close();
  }
}

/**
 * Asserts that no scratch database appeared since `before`. Other test files share the server
 * (and verify drops what a killed verify left), so only new names count, not vanished ones.
 */
export async function assertNoNewLeftovers(db: FreshDatabase, tmp: string, before: readonly string[]): Promise<void> {
  const now = await leftovers(db, tmp);
  assert.deepEqual(
    now.filter((n) => !before.includes(n)),
    [],
    "verify left a scratch database behind",
  );
}

/* The scratch databases `autogen verify` leaves on a test's server (or in its TMPDIR, for SQLite). */
import * as fs from "node:fs";
import { connect, formatUrl, getDialect, hostTag, parseUrl } from "@autogen/dialects";
import type { FreshDatabase } from "@autogen/dialects/testing";

/**
 * Databases named autogen_verify_* on the test database's server (temp folders in `tmp` for
 * SQLite), sorted; with `owners`, only those the processes with these ids made on this host (the
 * server is shared with other test files, whose verifies come and go).
 */
export async function leftovers(db: FreshDatabase, tmp: string, owners?: readonly number[]): Promise<string[]> {
  const names = await allLeftovers(db, tmp);
  if (owners === undefined) return names;
  const sep = db.dialect === "sqlite" ? "-" : "_";
  return names.filter((name) => {
    const [, host, pid] = name.slice("autogen_verify_".length).split(sep);
    return host === hostTag() && owners.includes(parseInt(pid ?? "", 36));
  });
}

async function allLeftovers(db: FreshDatabase, tmp: string): Promise<string[]> {
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

/**
 * Test support: revision files written into a temp scriptLocation, and a database session per
 * test. Revision bodies are TypeScript source, loaded through the swc hook as users' files are.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestContext } from "node:test";
import { getDialect, type Connection, type Dialect, type DialectName } from "@autogen/dialects";
import { useDatabase, type FreshDatabase, tempDir } from "@autogen/dialects/testing";
import { ScriptDirectory } from "@autogen/script";

/** One revision file to write. */
export interface RevisionSpec {
  /** 12 hex characters. */
  rev: string;
  down: string | string[] | null;
  message?: string;
  /** Body of `upgrade(op)`. */
  upgrade: string;
  /** Body of `downgrade(op)`; omit to write a file without a downgrade function. */
  downgrade?: string;
  /** Replaces the whole file text (syntax errors and other broken files). */
  rawText?: string;
}

/** Writes the revision files into `<dir>/versions` and returns the scriptLocation. */
export function writeScript(revisions: RevisionSpec[], dir = tempDir("rt")): string {
  mkdirSync(join(dir, "versions"), { recursive: true });
  for (const r of revisions) writeFileSync(revisionPath(dir, r.rev), r.rawText ?? revisionText(r));
  return dir;
}

export function revisionPath(dir: string, rev: string): string {
  return join(dir, "versions", `${rev}_rev.ts`);
}

export function loadScript(dir: string): ScriptDirectory {
  return ScriptDirectory.load({ scriptLocation: dir });
}

function revisionText(r: RevisionSpec): string {
  const down = r.down === null ? "null" : JSON.stringify(r.down);
  return `/**
 * ${r.message ?? `revision ${r.rev}`}
 *
 * Revision ID: ${r.rev}
 * Revises: ${Array.isArray(r.down) ? r.down.join(", ") : (r.down ?? "")}
 * Create Date: 2026-11-21 10:00:00.000000
 */
import type { Operations } from "autogen";

export const revision = "${r.rev}";
export const downRevision: string | string[] | null = ${down};
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;

export async function upgrade(op: Operations): Promise<void> {
${r.upgrade}
}
${
  r.downgrade === undefined
    ? ""
    : `
export async function downgrade(op: Operations): Promise<void> {
${r.downgrade}
}
`
}`;
}

/** A fresh database and one open session on it, closed after the test; undefined when skipped. */
export async function openDatabase(
  t: TestContext,
  name: DialectName,
): Promise<{ db: FreshDatabase; conn: Connection; dialect: Dialect } | undefined> {
  const db = await useDatabase(t, name);
  if (!db) return undefined;
  const conn = await db.connect();
  t.after(() => conn.close());
  return { db, conn, dialect: getDialect(name) };
}

/** openDatabase, plus `revisions` written and loaded as the script directory; undefined when skipped. */
export async function openWithScript(
  t: TestContext,
  name: DialectName,
  revisions: RevisionSpec[],
): Promise<{ db: FreshDatabase; conn: Connection; dialect: Dialect; script: ScriptDirectory } | undefined> {
  const env = await openDatabase(t, name);
  return env && { ...env, script: loadScript(writeScript(revisions)) };
}

/** Whether a table (or view) exists, for asserting what a run created or removed. */
export async function tableExists(conn: Connection, dialect: Dialect, table: string): Promise<boolean> {
  try {
    await conn.query(`SELECT 1 FROM ${dialect.quote(table)} WHERE 1 = 0`);
    return true;
  } catch {
    return false;
  }
}

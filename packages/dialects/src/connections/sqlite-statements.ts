/*
 * What both SQLite drivers share: the version query, the session settings of a migration
 * connection, and how parameters and row counts are handled.
 */

import { bindPlaceholders, SQLITE_QUOTING } from "./placeholders";

export const SQLITE_VERSION_QUERY = "SELECT sqlite_version() AS version";

/**
 * How long a statement waits for another process's lock: two `autogen upgrade` runs then queue
 * on `BEGIN EXCLUSIVE` instead of failing with SQLITE_BUSY.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 30_000;

/**
 * Run on every SQLite session autogen opens. Foreign keys stay OFF (sqlite3's default, but
 * better-sqlite3 turns them on): batch mode's move-and-copy drops and renames tables that other
 * tables reference, which with enforcement on would cascade deletes or fail; the runtime checks
 * `PRAGMA foreign_key_check` after the batch instead.
 */
export const SQLITE_SESSION_SETUP: readonly string[] = ["PRAGMA foreign_keys = OFF"];

/**
 * True for INSERT/UPDATE/DELETE/REPLACE without RETURNING: the statements whose outcome is a
 * changed-row count rather than rows. sqlite3 cannot tell readers from writers itself, and its
 * `changes` is stale after any other statement.
 */
export function changesRows(sql: string): boolean {
  const body = sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, "");
  return /^(?:INSERT|UPDATE|DELETE|REPLACE)\b/i.test(body) && !/\bRETURNING\b/i.test(body);
}

/**
 * Checks the parameter count, and converts parameters so that both drivers bind them alike: better-sqlite3 rejects booleans, undefined and
 * Dates, which sqlite3 binds as 1/0, NULL and epoch milliseconds; autogen stores booleans as
 * 1/0 and times as ISO-8601 text, TypeORM's convention for SQLite.
 */
export function sqliteParams(sql: string, params: readonly unknown[]): unknown[] {
  // Both drivers pad missing parameters with NULL; the other dialects refuse, and so does autogen.
  bindPlaceholders(sql, params, SQLITE_QUOTING, () => "?");
  return params.map((v) =>
    v === undefined ? null : typeof v === "boolean" ? (v ? 1 : 0) : v instanceof Date ? v.toISOString() : v,
  );
}

import type { DriverSession } from "./driver-session";
import { type BetterSqliteDatabase, type BetterSqliteModule, driverSetupError, loadDriver } from "./driver-modules";
import { SQLITE_BUSY_TIMEOUT_MS, SQLITE_SESSION_SETUP, SQLITE_VERSION_QUERY, sqliteParams } from "./sqlite-statements";

/** Adapts an open better-sqlite3 Database. Its statements know whether they return rows. */
export function betterSqliteSession(db: BetterSqliteDatabase): DriverSession {
  return {
    dialect: "sqlite",
    versionQuery: SQLITE_VERSION_QUERY,
    async run(sql, params) {
      const stmt = db.prepare(sql);
      const bound = sqliteParams(sql, params);
      if (stmt.reader) {
        const rows = stmt.all(...bound);
        return { rows, rowCount: rows.length };
      }
      return { rows: [], rowCount: stmt.run(...bound).changes };
    },
    async end() {
      db.close();
    },
  };
}

/** Opens (creating if needed) a SQLite file, or `:memory:`, with better-sqlite3. */
export async function openBetterSqlite3(filename: string): Promise<DriverSession> {
  const Database = loadDriver<BetterSqliteModule>("better-sqlite3");
  let db: BetterSqliteDatabase;
  try {
    db = new Database(filename, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  } catch (err) {
    // better-sqlite3 loads its native module on the first open, not on require.
    throw driverSetupError("better-sqlite3", err) ?? err;
  }
  const session = betterSqliteSession(db);
  for (const sql of SQLITE_SESSION_SETUP) await session.run(sql, []);
  return session;
}

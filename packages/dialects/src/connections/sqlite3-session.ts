import type { QueryResult } from "../connection";
import type { DriverSession } from "./driver-session";
import { loadDriver, type Sqlite3Database, type Sqlite3Module } from "./driver-modules";
import {
  changesRows,
  SQLITE_BUSY_TIMEOUT_MS,
  SQLITE_SESSION_SETUP,
  SQLITE_VERSION_QUERY,
  sqliteParams,
} from "./sqlite-statements";

/** Adapts an open sqlite3.Database. */
export function sqlite3Session(db: Sqlite3Database): DriverSession {
  return {
    dialect: "sqlite",
    versionQuery: SQLITE_VERSION_QUERY,
    run: (sql, params) =>
      new Promise<QueryResult>((resolve, reject) => {
        const bound = sqliteParams(sql, params);
        if (changesRows(sql)) {
          db.run(sql, bound, function (err) {
            if (err) reject(err);
            else resolve({ rows: [], rowCount: this.changes });
          });
        } else {
          db.all(sql, bound, (err, rows) => (err ? reject(err) : resolve({ rows, rowCount: rows.length })));
        }
      }),
    end: () => new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** Opens (creating if needed) a SQLite file, or `:memory:`, with sqlite3. */
export async function openSqlite3(filename: string): Promise<DriverSession> {
  const sqlite3 = loadDriver<Sqlite3Module>("sqlite3");
  const db = await new Promise<Sqlite3Database>((resolve, reject) => {
    const opened: Sqlite3Database = new sqlite3.Database(filename, (err) => (err ? reject(err) : resolve(opened)));
  });
  db.configure("busyTimeout", SQLITE_BUSY_TIMEOUT_MS);
  const session = sqlite3Session(db);
  for (const sql of SQLITE_SESSION_SETUP) await session.run(sql, []);
  return session;
}

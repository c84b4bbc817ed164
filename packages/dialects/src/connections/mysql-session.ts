import type { QueryResult } from "../connection";
import type { DatabaseUrl } from "./database-url";
import type { DriverSession } from "./driver-session";
import { loadDriver, type MysqlConnection, type MysqlModule, type MysqlResultHeader } from "./driver-modules";
import { bindPlaceholders, MYSQL_QUOTING } from "./placeholders";

/**
 * Adapts a mysql2 callback connection. Parameters are bound here rather than by mysql2, whose
 * own `?` substitution does not skip quoted text; values are escaped by the connection itself
 * (so its charset and sql_mode rules apply).
 */
export function mysqlSession(conn: MysqlConnection): DriverSession {
  return {
    dialect: "mysql",
    versionQuery: "SELECT VERSION() AS version",
    run: (sql, params) =>
      new Promise<QueryResult>((resolve, reject) => {
        const text =
          params.length === 0 ? sql : bindPlaceholders(sql, params, MYSQL_QUOTING, (i) => conn.escape(params[i]));
        conn.query(text, (err, result) => (err ? reject(err) : resolve(toQueryResult(result))));
      }),
    end: () => new Promise<void>((resolve, reject) => conn.end((err) => (err ? reject(err) : resolve()))),
  };
}

/** Opens a new mysql2 connection for a `mysql://` or `mariadb://` URL. */
export async function openMysql(u: DatabaseUrl): Promise<DriverSession> {
  const mysql = loadDriver<MysqlModule>("mysql2");
  const conn = mysql.createConnection({
    ...(u.host !== undefined && { host: u.host }),
    ...(u.port !== undefined && { port: u.port }),
    ...(u.user !== undefined && { user: u.user }),
    ...(u.password !== undefined && { password: u.password }),
    ...(u.database !== undefined && { database: u.database }),
    ...mysqlParams(u.params),
    // One statement per query, on every dialect: a revision's raw SQL cannot smuggle in more.
    multipleStatements: false,
  });
  // mysql2 emits "error" on the connection for a fatal error outside a query (server gone);
  // unheard, that would crash the process. The next query fails with the reason instead.
  conn.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
  return mysqlSession(conn);
}

/** SELECT answers rows; DML and DDL answer a header whose affectedRows is the row count. */
function toQueryResult(result: unknown): QueryResult {
  if (Array.isArray(result)) {
    // Rows must compare and print like other drivers' rows: plain objects. mysql2 3.x builds
    // them so already; a row of another prototype is copied.
    const rows = result.map((r: Record<string, unknown>) =>
      Object.getPrototypeOf(r) === Object.prototype ? r : { ...r },
    );
    return { rows, rowCount: rows.length };
  }
  return { rows: [], rowCount: (result as MysqlResultHeader).affectedRows ?? 0 };
}

/** URL parameters are text; mysql2 wants numbers and booleans for its numeric and flag options. */
function mysqlParams(params: Readonly<Record<string, string>>): Record<string, unknown> {
  const coerce = (v: string): unknown =>
    v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, coerce(v)]));
}

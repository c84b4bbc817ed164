import type { DatabaseUrl } from "./database-url";
import type { DriverSession } from "./driver-session";
import { loadDriver, type PgClient, type PgModule } from "./driver-modules";
import { bindPlaceholders, POSTGRES_QUOTING } from "./placeholders";

/** Without a limit pg waits for the operating system's TCP timeout (minutes) on an unreachable host. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Adapts a connected pg.Client or pg.PoolClient. */
export function postgresSession(client: PgClient): DriverSession {
  return {
    dialect: "postgres",
    versionQuery: "SELECT split_part(current_setting('server_version'), ' ', 1) AS version",
    async run(sql, params) {
      const result =
        params.length === 0
          ? await client.query(sql)
          : await client.query(
              bindPlaceholders(sql, params, POSTGRES_QUOTING, (i) => `$${i + 1}`),
              [...params],
            );
      // Without parameters pg uses the simple protocol, which accepts several statements and
      // answers with one result each; the last one is the statement's outcome.
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
    },
    end: () => client.end(),
  };
}

/** Opens a new pg.Client for a `postgres://` URL. */
export async function openPostgres(u: DatabaseUrl): Promise<DriverSession> {
  const pg = loadDriver<PgModule>("pg");
  const client = new pg.Client({
    host: u.host,
    port: u.port,
    user: u.user,
    password: u.password,
    database: u.database,
    ...postgresParams(u.params),
  });
  // A server that ends an idle session makes the client emit "error"; unheard, that would crash
  // the process. The next query fails with the reason instead.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  return postgresSession(client);
}

/** libpq's URL parameters in pg's terms; unknown ones are passed on as pg config keys. */
function postgresParams(params: Readonly<Record<string, string>>): Record<string, unknown> {
  const { sslmode, connect_timeout, ...rest } = params;
  const config: Record<string, unknown> = { ...rest, connectionTimeoutMillis: DEFAULT_CONNECT_TIMEOUT_MS };
  if (connect_timeout !== undefined) config.connectionTimeoutMillis = Number(connect_timeout) * 1000;
  // pg cannot fall back from TLS to plain text, so libpq's "allow"/"prefer" mean plain text here.
  if (sslmode === "require" || sslmode === "no-verify") config.ssl = { rejectUnauthorized: false };
  else if (sslmode === "verify-ca" || sslmode === "verify-full") config.ssl = true;
  return config;
}

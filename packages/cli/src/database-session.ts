import { CommandError } from "@autogen/core";
import type { Connection, Dialect, DialectName } from "@autogen/dialects";
import type { ResolvedConfig, SessionContext } from "./config";
import { xArgumentGetter } from "./x-arguments";

/** The dialects package, required lazily so graph-only commands never load a driver. */
function dialects(): typeof import("@autogen/dialects") {
  return require("@autogen/dialects");
}

/** An open database session for one command; `close()` leaves adopted connections open. */
export interface DatabaseSession {
  readonly dialect: Dialect;
  readonly connection: Connection;
  close(): Promise<void>;
}

/**
 * Opens the database a command works on: the caller's already-open driver connection
 * (adopted, never closed by us), or a new connection to `config.url`.
 *
 * @throws CommandError when neither is available or the URL does not parse;
 *   DatabaseError when the server cannot be reached or refuses the login.
 */
export async function openDatabaseSession(
  config: ResolvedConfig,
  o: { connection?: unknown } = {},
): Promise<DatabaseSession> {
  const session = await connectSession(config, o);
  try {
    await applyOnConnect(config, session.connection, session.dialect);
  } catch (err) {
    await session.close();
    throw err;
  }
  return session;
}

async function connectSession(config: ResolvedConfig, o: { connection?: unknown }): Promise<DatabaseSession> {
  const d = dialects();
  if (o.connection !== undefined && o.connection !== null) {
    const connection = await d.wrapConnection(o.connection as never);
    return { dialect: d.getDialect(connection.dialect), connection, close: async () => {} };
  }
  if (!config.url) {
    throw new CommandError(`No database URL: set 'url' in ${config.configFile ?? "the config"} or pass a connection`);
  }
  const { dialect } = d.parseUrl(config.url);
  const connection = await d.connect(config.url);
  return { dialect: d.getDialect(dialect), connection, close: () => connection.close() };
}

/** Runs the config's `onConnect` hook on a session a command opened. */
export async function applyOnConnect(config: ResolvedConfig, connection: Connection, dialect: Dialect): Promise<void> {
  const context: SessionContext = { dialect: dialect.name, getXArgument: xArgumentGetter(config.xArgs) };
  await config.onConnect?.(connection, context);
}

/**
 * The dialect for work without a database (`--sql`, `lint`, `show --format markdown`): taken
 * from the URL's scheme, a given connection, or `config.dialect`; no connection is made.
 * `purpose` names the work in the error.
 */
export async function offlineDialect(
  config: ResolvedConfig,
  o: { connection?: unknown } = {},
  purpose = "--sql",
): Promise<Dialect> {
  const d = dialects();
  let name: DialectName | undefined;
  if (config.url) name = d.parseUrl(config.url).dialect;
  else if (o.connection) name = (await d.wrapConnection(o.connection as never)).dialect;
  else name = config.dialect;
  if (!name) {
    throw new CommandError(
      `Cannot tell the dialect for ${purpose}: set 'url' or 'dialect' in ${config.configFile ?? "the config"}`,
    );
  }
  return d.getDialect(name);
}

/** Runs `fn` with an open session and closes it afterwards, whatever happens. */
export async function withDatabaseSession<T>(
  config: ResolvedConfig,
  o: { connection?: unknown },
  fn: (s: DatabaseSession) => Promise<T>,
): Promise<T> {
  const session = await openDatabaseSession(config, o);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

import { CommandError } from "@autogen/core";
import type { DialectName } from "../dialect-name";

/** A parsed database URL. Percent-encoded parts are decoded. */
export interface DatabaseUrl {
  readonly dialect: DialectName;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  /** Database (PostgreSQL) or schema (MySQL/MariaDB) name. */
  readonly database?: string;
  /** SQLite and PGlite: a file (a data directory for PGlite), relative or absolute, or `:memory:`. */
  readonly filename?: string;
  /** `pglite`: PostgreSQL embedded in this process (PGlite) instead of a server. */
  readonly driver?: "pglite";
  /** Query parameters, passed on to the driver (e.g. `sslmode`, `application_name`). */
  readonly params: Readonly<Record<string, string>>;
}

/** URL schemes autogen accepts and the dialect each one names. */
const SCHEMES: Readonly<Record<string, DialectName>> = {
  postgres: "postgres",
  postgresql: "postgres",
  mysql: "mysql",
  mariadb: "mysql",
  sqlite: "sqlite",
  pglite: "postgres",
};

/** The file name of an in-memory SQLite or PGlite database. */
export const MEMORY_FILENAME = ":memory:";
const MEMORY = MEMORY_FILENAME;

/**
 * Parses `postgres://`, `postgresql://`, `mysql://`, `mariadb://`, `sqlite:///relative.db`,
 * `sqlite:////abs/path.db` and `sqlite://:memory:` URLs (SQLAlchemy's forms), and PGlite's
 * `pglite:///relative/dir`, `pglite:////abs/dir` and `pglite://:memory:` (the same forms).
 *
 * @throws CommandError `Could not parse database URL '<masked>': <reason>` (exit 2).
 */
export function parseUrl(url: string): DatabaseUrl {
  const fail = (reason: string): never => {
    throw new CommandError(`Could not parse database URL '${maskUrl(url)}': ${reason}`);
  };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (!scheme) return fail("expected <scheme>://...");
  const dialect = SCHEMES[scheme[1]!.toLowerCase()];
  if (!dialect) return fail(`unsupported scheme '${scheme[1]}' (use ${Object.keys(SCHEMES).join(", ")})`);
  const rest = url.slice(scheme[0].length);
  if (scheme[1]!.toLowerCase() === "pglite")
    return { ...parseFileUrl("pglite", rest, fail), dialect, driver: "pglite" };
  return dialect === "sqlite" ? { ...parseFileUrl("sqlite", rest, fail), dialect } : parseServer(dialect, url, fail);
}

/**
 * `sqlite://` and `pglite://` are followed by an empty host: `/<path>` (so an absolute path
 * starts with `//`) or `:memory:`.
 */
function parseFileUrl(
  scheme: "sqlite" | "pglite",
  rest: string,
  fail: (reason: string) => never,
): { filename: string; params: Record<string, string> } {
  const [path, query] = splitQuery(rest);
  const params = parseParams(query);
  // SQLAlchemy reads `sqlite://` and `sqlite:///:memory:` as an in-memory database too.
  if (path === "" || path === MEMORY || path === `/${MEMORY}`) return { filename: MEMORY, params };
  if (!path.startsWith("/")) {
    return fail(
      scheme === "sqlite"
        ? "SQLite URLs take no host: use sqlite:///relative.db or sqlite:////abs/path.db"
        : "PGlite URLs take no host: use pglite:///relative/dir, pglite:////abs/dir or pglite://:memory:",
    );
  }
  const filename = decode(path.slice(1), fail);
  if (filename === "") return fail("missing file name");
  return { filename, params };
}

function parseServer(dialect: DialectName, url: string, fail: (reason: string) => never): DatabaseUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail("malformed URL");
  }
  // WHATWG URL keeps IPv6 brackets in `hostname`; drivers want the bare address.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  if (host === "") return fail("missing host");
  const database = decode(parsed.pathname.replace(/^\//, ""), fail);
  if (database.includes("/")) return fail("the path must be a single database name");
  return {
    dialect,
    host,
    ...(parsed.port !== "" && { port: Number(parsed.port) }),
    ...(parsed.username !== "" && { user: decode(parsed.username, fail) }),
    ...(parsed.password !== "" && { password: decode(parsed.password, fail) }),
    ...(database !== "" && { database }),
    params: parseParams(parsed.search.slice(1)),
  };
}

/**
 * Formats a DatabaseUrl back into URL text; the password is shown as `***` unless
 * `{ mask: false }` (test databases need the real URL to hand to another process).
 */
export function formatUrl(u: DatabaseUrl, o: { mask?: boolean } = {}): string {
  const scheme = u.driver ?? (u.dialect === "sqlite" ? "sqlite" : u.dialect === "postgres" ? "postgres" : "mysql");
  const query = Object.keys(u.params).length > 0 ? `?${new URLSearchParams(u.params as Record<string, string>)}` : "";
  if (u.dialect === "sqlite" || u.driver === "pglite") {
    const file = u.filename ?? MEMORY;
    return file === MEMORY ? `${scheme}://${MEMORY}${query}` : `${scheme}:///${encodePath(file)}${query}`;
  }
  const password = u.password === undefined ? "" : `:${o.mask === false ? encodeURIComponent(u.password) : "***"}`;
  const userinfo =
    u.user !== undefined || u.password !== undefined ? `${encodeURIComponent(u.user ?? "")}${password}@` : "";
  const host = u.host?.includes(":") ? `[${u.host}]` : (u.host ?? "");
  const port = u.port !== undefined ? `:${u.port}` : "";
  const database = u.database !== undefined ? `/${encodeURIComponent(u.database)}` : "";
  return `${scheme}://${userinfo}${host}${port}${database}${query}`;
}

/**
 * Replaces the password of a database URL with `***`. Works on text that does not parse too,
 * because it is used to build the "could not parse" message: the user info ends at the last `@`
 * before the query string, so a password with an unescaped `@` or `/` is still hidden.
 */
export function maskUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (!scheme) return url;
  const start = scheme[0].length;
  const queryAt = url.indexOf("?", start);
  const at = url.lastIndexOf("@", queryAt === -1 ? url.length : queryAt);
  if (at < start) return url;
  const colon = url.indexOf(":", start);
  if (colon === -1 || colon > at) return url;
  return `${url.slice(0, colon + 1)}***${url.slice(at)}`;
}

function splitQuery(text: string): [string, string] {
  const q = text.indexOf("?");
  return q === -1 ? [text, ""] : [text.slice(0, q), text.slice(q + 1)];
}

function parseParams(query: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(query));
}

function decode(text: string, fail: (reason: string) => never): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return fail("invalid percent-encoding");
  }
}

/** Encodes a file path for a URL, keeping `/` so that `sqlite:////abs/path.db` stays readable. */
function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

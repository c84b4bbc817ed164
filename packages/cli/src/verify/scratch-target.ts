import { CommandError, DatabaseError } from "@autogen/core";
import type { ScratchDatabase } from "@autogen/dialects";
import type { ResolvedConfig } from "../config";

/**
 * Scratch databases verify (and `diff REV1 REV2`) create are named `autogen_verify_<base-36 time>_<host>_<base-36
 * pid>_<random>` (SQLite: temp folders `autogen-verify-...`).
 */
export const SCRATCH_PREFIX = "autogen_verify_";

/**
 * A scratch database older than this is a leftover whoever made it (a verify on another machine
 * that was killed); one made on this machine is a leftover as soon as its process is gone.
 */
export const SCRATCH_STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** The scratch database a command works on, and why that one. */
export interface ScratchTarget {
  readonly database: ScratchDatabase;
  /** How it was chosen: `shadowUrl`, the server of `url`, or the fallback to PGlite. */
  readonly source: "shadowUrl" | "url" | "pglite-fallback";
  /** One line for the user: where the command runs and, for a fallback, why. */
  readonly note: string;
}

function dialects(): typeof import("@autogen/dialects") {
  return require("@autogen/dialects");
}

/** The commands that copy a history onto a scratch database, with the verb of their first line. */
const PURPOSES = { verify: "Verifying", diff: "Building the revisions' schemas" } as const;

/**
 * Creates the scratch database of `verify` (or `diff REV1 REV2`): on the `shadowUrl` server when set, else on the server of
 * `url` (a temp file for SQLite, a new PGlite for a PGlite URL). On PostgreSQL, a login that
 * may not create databases falls back to PGlite in memory, which the note says.
 *
 * @throws CommandError without any URL, or for a shadowUrl of another dialect; DatabaseError when
 *   the server cannot be reached or refuses (MySQL/MariaDB, or a shadowUrl) to create a database.
 */
export async function createScratchTarget(
  config: ResolvedConfig,
  o: { connection?: unknown; log?: (line: string) => void },
  command: keyof typeof PURPOSES = "verify",
): Promise<ScratchTarget> {
  const d = dialects();
  const doing = PURPOSES[command];
  const where = config.configFile ?? "the config";
  const mainDialect = config.url
    ? d.parseUrl(config.url).dialect
    : o.connection
      ? (await d.wrapConnection(o.connection as never)).dialect
      : config.dialect;
  if (config.shadowUrl) {
    const shadow = d.parseUrl(config.shadowUrl);
    if (mainDialect && shadow.dialect !== mainDialect) {
      throw new CommandError(
        `shadowUrl in ${where} is a ${shadow.dialect} URL but the project's database is ${mainDialect}`,
      );
    }
    await sweepLeftovers(config.shadowUrl, o.log);
    const database = await d.createScratchDatabase(config.shadowUrl, { prefix: SCRATCH_PREFIX });
    return { database, source: "shadowUrl", note: `${doing} on ${database.description} (shadowUrl)` };
  }
  const url = config.url ?? fallbackUrl(mainDialect);
  if (!url) {
    throw new CommandError(
      `${command} needs a database to copy the history onto: set 'url' or 'shadowUrl' in ${where} (a server where the login may create databases)`,
    );
  }
  await sweepLeftovers(url, o.log);
  try {
    const database = await d.createScratchDatabase(url, { prefix: SCRATCH_PREFIX });
    return { database, source: "url", note: `${doing} on ${database.description}` };
  } catch (err) {
    if (!(err instanceof d.CreateDatabaseRefused)) throw err;
    if (d.parseUrl(url).dialect !== "postgres") {
      throw new CommandError(
        `${command} cannot create a scratch database: ${err.message}; set 'shadowUrl' in ${where} to a server where it may`,
        { cause: err },
      );
    }
    const database = await d.createScratchDatabase("pglite://:memory:", { prefix: SCRATCH_PREFIX }).catch((e) => {
      if (!(e instanceof CommandError)) throw e;
      throw new CommandError(
        `${command} cannot create a scratch database: ${d.maskUrl(url)} may not create databases, and PGlite cannot stand in (${e.message}); set 'shadowUrl' in ${where}`,
        { cause: e },
      );
    });
    return {
      database,
      source: "pglite-fallback",
      note: `${doing} on ${database.description}: ${d.maskUrl(url)} may not create databases (set 'shadowUrl' to use a server)`,
    };
  }
}

/**
 * Drops the scratch databases earlier verifies left (killed with `kill -9`, or a machine that went
 * down), saying which. Best effort: a login that may not list or drop them leaves them be.
 */
async function sweepLeftovers(url: string, log: ((line: string) => void) | undefined): Promise<void> {
  const d = dialects();
  let dropped: string[];
  try {
    dropped = await d.dropStaleScratchDatabases(url, { prefix: SCRATCH_PREFIX, olderThanMs: SCRATCH_STALE_AFTER_MS });
  } catch (err) {
    if (err instanceof DatabaseError) return;
    throw err;
  }
  if (dropped.length > 0)
    log?.(`Dropped ${dropped.length} scratch database(s) an earlier verify left behind: ${dropped.join(", ")}`);
}

/** Without `url` (an adopted connection): SQLite in a temp file, PostgreSQL on PGlite. */
function fallbackUrl(dialect: string | undefined): string | undefined {
  if (dialect === "sqlite") return "sqlite://";
  if (dialect === "postgres") return "pglite://:memory:";
  return undefined;
}

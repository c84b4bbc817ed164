import type { ScriptDirectory } from "@autogen/script";
import type { ResolvedConfig } from "../config";
import type { DatabaseSession } from "../database-session";
import { scriptModule } from "../lazy-modules";
import { readCurrentHeads } from "./current-heads";

/**
 * Autogenerate compares entities with the database as it is; a database behind the script
 * heads would make the new revision repeat pending ones, so Alembic refuses it. The rule is
 * script's `assertUpToDate`; this reads the heads it is given.
 *
 * @throws CommandError `Target database is not up to date.`
 */
export async function assertDatabaseUpToDate(
  config: ResolvedConfig,
  script: ScriptDirectory,
  session: DatabaseSession,
): Promise<void> {
  const current = await readCurrentHeads(config, session);
  const s = scriptModule();
  s.catchRevisionErrors(() => s.assertUpToDate(script.map, current));
}

/**
 * Runs `work` (an autogenerate) on a database that must be up to date, as
 * {@link assertDatabaseUpToDate} checks first. On a connection that takes statements while
 * others run (Connection.concurrentStatements: sqlite3), the version table is read alongside
 * `work` instead, which gets the check's outcome as `ready` and must await it before it compares
 * anything: a new SQLite connection's first statement reads the whole schema (about 30 ms at
 * 1,000 tables), and reflection and the model build need not wait for it. Either way a database
 * that is not up to date fails with the same error, which comes before any error of `work`,
 * and no statement is left running when this returns.
 */
export async function whenDatabaseUpToDate<T>(
  config: ResolvedConfig,
  script: ScriptDirectory,
  session: DatabaseSession,
  work: (ready: Promise<void>) => Promise<T>,
): Promise<T> {
  if (session.connection.concurrentStatements !== true) {
    await assertDatabaseUpToDate(config, script, session);
    return await work(Promise.resolve());
  }
  const ready = assertDatabaseUpToDate(config, script, session);
  // Awaited below; until then a failure must not count as unhandled.
  ready.catch(() => undefined);
  let result: T;
  try {
    result = await work(ready);
  } catch (error) {
    await ready;
    throw error;
  }
  await ready;
  return result;
}

import type { Connection } from "@autogen/dialects";
import { CountingQueries } from "../counting-queries";

/**
 * Runs `work` (the catalog queries of one reflect call) with PostgreSQL's JIT compiler off in
 * this session, then puts the session's setting back.
 *
 * Why: JIT compiles any query whose estimated cost passes `jit_above_cost`, and the planner
 * overestimates the catalog queries by far (a set-returning function over an index's key
 * columns counts as 1,000 rows), more the larger the schema. From about 2,000 tables the
 * index query alone spent over a second compiling (inlining and optimization) for a run of
 * 0.3 s. Catalog queries never gain from JIT. A session setting, put back afterwards, because
 * the connection may be the application's own; servers without JIT (before 11) are left alone.
 */
export async function withoutJit<T>(conn: Connection, work: () => Promise<T>): Promise<T> {
  // One round trip reads the setting and turns it off: the subquery's row (the setting as it
  // was) is computed before the outer select calls set_config.
  const [row] = await CountingQueries.uncounted<{ jit: string | null }>(
    conn,
    `SELECT s.jit, CASE WHEN s.jit <> 'off' THEN set_config('jit', 'off', false) END AS now_off
       FROM (SELECT current_setting('jit', true) AS jit OFFSET 0) AS s`,
  );
  const previous = row?.jit ?? null;
  if (previous === null || previous === "off") return work();
  const restore = () => CountingQueries.uncounted(conn, `SELECT set_config('jit', ?, false)`, [previous]);
  let result: T;
  try {
    result = await work();
  } catch (err) {
    // The reflection's own error is the one to report (in an aborted transaction, restoring fails too).
    await restore().catch(() => undefined);
    throw err;
  }
  await restore();
  return result;
}

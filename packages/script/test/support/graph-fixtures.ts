// Helpers for graph tests: revision headers built in memory, in "file" order.
import type { RevisionHeader } from "../../src/revision-header";
import { RevisionMap, type IterateOptions, type RevisionIdentifier } from "../../src/revision-map";
import type { MigrationStep, VersionChange } from "../../src/migration-step";

export function rev(
  revision: string,
  downRevision: string | string[] | null = null,
  o: { deps?: string | string[]; labels?: string | string[]; doc?: string; path?: string } = {},
): RevisionHeader {
  const doc = o.doc ?? revision;
  return {
    revision,
    downRevision,
    branchLabels: o.labels === undefined ? null : typeof o.labels === "string" ? [o.labels] : o.labels,
    dependsOn: o.deps === undefined ? null : typeof o.deps === "string" ? [o.deps] : o.deps,
    path: o.path ?? `/versions/${revision}.ts`,
    doc,
    message: doc.split("\n")[0]!,
    createDate: null,
  };
}

export function mapOf(...headers: RevisionHeader[]): RevisionMap {
  return new RevisionMap(headers);
}

/**
 * A revision map written as one word per revision, in file order: `id`, then `<down1,down2`
 * for its down revisions, `@label1,label2` for its branch labels and `~dep1,dep2` for what it
 * depends on. `graph("a b<a@lib c<a,b~x")` is `mapOf(rev("a"), rev("b", "a", { labels: "lib" }),
 * rev("c", ["a", "b"], { deps: "x" }))`: a whole graph reads on a line or two.
 */
export function graph(words: string): RevisionMap {
  return mapOf(
    ...words
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => {
        const m = /^(\w+)(?:<([\w,]+))?(?:@([\w,]+))?(?:~([\w,]+))?$/.exec(word);
        if (!m) throw new Error(`not a revision word: ${word}`);
        const [, id, down, labels, deps] = m;
        const downs = down?.split(",") ?? [];
        return rev(id!, downs.length > 1 ? downs : (downs[0] ?? null), {
          labels: labels?.split(","),
          deps: deps?.split(","),
        });
      }),
  );
}

/** Revision ids written as one space-separated string, for long expected orders. */
export const ids = (words: string): string[] => words.split(" ");

/** Alembic's DownIterateTest._assert_iteration: inclusive defaults to true there. */
export function iterate(
  map: RevisionMap,
  upper: RevisionIdentifier,
  lower: RevisionIdentifier,
  o: IterateOptions = {},
): string[] {
  return map.iterateRevisions(upper, lower, { inclusive: true, ...o }).map((r) => r.revision);
}

/** `up:b`, `down:c` per step. */
export function stepNames(steps: readonly MigrationStep[]): string[] {
  return steps.map((s) => `${s.direction === "upgrade" ? "up" : "down"}:${s.revision.revision}`);
}

/** The heads after the last step, sorted (Alembic compares them as a set). */
export function finalHeads(start: readonly string[], steps: readonly MigrationStep[]): string[] {
  return [...(steps.length === 0 ? start : steps[steps.length - 1]!.headsAfter)].sort();
}

/** Applies version changes to a set of rows, failing like the online rowcount checks would. */
export function applyChanges(rows: readonly string[], changes: readonly VersionChange[]): string[] {
  const table = new Set(rows);
  for (const c of changes) {
    if (c.op === "insert") {
      if (table.has(c.version)) throw new Error(`duplicate row ${c.version}`);
      table.add(c.version);
    } else if (c.op === "delete") {
      if (!table.delete(c.version)) throw new Error(`no row ${c.version} to delete`);
    } else {
      if (!table.delete(c.from)) throw new Error(`no row ${c.from} to update`);
      if (table.has(c.to)) throw new Error(`duplicate row ${c.to}`);
      table.add(c.to);
    }
  }
  return [...table].sort();
}

/** Asserts that fn throws an error whose message equals `message` exactly; returns the error. */
export function throwsExactly(fn: () => unknown, message: string): Error & { cause?: unknown; exitCode?: number } {
  try {
    fn();
  } catch (err) {
    const e = err as Error & { exitCode?: number };
    if (e.message !== message) throw new Error(`expected message:\n  ${message}\ngot:\n  ${e.message}`);
    return e;
  }
  throw new Error(`expected an error: ${message}`);
}

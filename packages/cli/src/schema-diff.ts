import { createTwoFilesPatch } from "diff";
import type { ObjectDdl } from "@autogen/dialects";

/** The difference of one schema object between two schemas, as a unified diff of its DDL. */
export interface ObjectDiff {
  readonly kind: ObjectDdl["kind"];
  /** `schema.name` or `name`. */
  readonly name: string;
  readonly change: "added" | "removed" | "changed";
  /** `--- a/name` / `+++ b/name` (`/dev/null` for the side without it), then the hunks. */
  readonly patch: string;
}

/**
 * The objects whose DDL differs between two renderings (`schemaDdl`), in the order of `after`
 * then the removed ones, each as a unified diff with three lines of context (npm `diff`).
 * Equal renderings give an empty list.
 */
export function diffObjectDdl(before: readonly ObjectDdl[], after: readonly ObjectDdl[]): ObjectDiff[] {
  const id = (o: ObjectDdl) => `${o.kind}:${o.name}`;
  const old = new Map(before.map((o) => [id(o), o]));
  const now = new Set(after.map(id));
  const out: ObjectDiff[] = [];
  const push = (kind: ObjectDdl["kind"], name: string, a: string | undefined, b: string | undefined) => {
    if (a === b) return;
    const patch = createTwoFilesPatch(
      a === undefined ? "/dev/null" : `a/${name}`,
      b === undefined ? "/dev/null" : `b/${name}`,
      a ?? "",
      b ?? "",
      "",
      "",
      { context: 3 },
    );
    // The `====` separator line npm's diff writes first is not part of a unified diff.
    const text = patch.replace(/^=+\n/, "");
    out.push({ kind, name, change: a === undefined ? "added" : b === undefined ? "removed" : "changed", patch: text });
  };
  for (const o of after) push(o.kind, o.name, old.get(id(o))?.ddl, o.ddl);
  for (const o of before) if (!now.has(id(o))) push(o.kind, o.name, o.ddl, undefined);
  return out;
}

import type { ObjectDiff } from "../schema-diff";

/** What `autogen diff` found (also what `command.diff` returns). */
export interface DiffResult {
  /** True when the two sides have the same schema: nothing below. */
  readonly equal: boolean;
  /** The `a/` side: `the database (postgres://app:***@db/app)` or `revision ae1027a6acf`. */
  readonly from: string;
  /** The `b/` side: `the models` or `revision 1975ea83b712`. */
  readonly to: string;
  /** One unified diff per table, view or enum whose DDL differs. */
  readonly objects: readonly ObjectDiff[];
  /** Pending changes the DDL does not show (an extension, a custom op), in words. */
  readonly otherChanges: readonly string[];
}

/** The text `autogen diff` prints: the unified diffs one after another, then `# also: ...` lines. */
export function diffText(r: DiffResult): string {
  return r.objects.map((o) => o.patch).join("") + r.otherChanges.map((c) => `# also: ${c}\n`).join("");
}

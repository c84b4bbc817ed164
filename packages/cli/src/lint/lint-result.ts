import type { DialectName } from "@autogen/dialects";
import type { RiskCode } from "@autogen/core";

/** One risk of one op of a revision file. */
export interface LintFinding {
  readonly revision: string;
  /** The revision file's absolute path. */
  readonly file: string;
  /** The 1-based line of the op's call in the file (null when the call was made from another file). */
  readonly line: number | null;
  /** The op, as `DropColumnOp users.pw`. */
  readonly op: string;
  readonly code: RiskCode;
  readonly message: string;
  /** A `// risk <code> (acknowledged)` comment sits directly above the op. */
  readonly acknowledged: boolean;
}

/** What {@link lint} found. */
export interface LintResult {
  /** True when every risk is acknowledged (the CLI exits 1 otherwise). */
  readonly ok: boolean;
  /** The dialect whose rules classified the ops (from the config's URL). */
  readonly dialect: DialectName;
  /** The revisions linted, oldest first. */
  readonly revisions: readonly string[];
  /** How the revisions were chosen: the given range, the ones the database has not applied, or all. */
  readonly selection: "range" | "unapplied" | "all";
  readonly findings: readonly LintFinding[];
}

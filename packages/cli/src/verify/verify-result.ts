/** What one finding of verify is about. */
export type VerifyProblemKind =
  /** The upgrade failed on the scratch database (e.g. it relies on a row only the developer's database has). */
  | "upgrade-failed"
  /** After the whole history the models still differ from the schema; `revision` is where it stopped matching. */
  | "models-differ"
  /** The downgrade failed. */
  | "downgrade-failed"
  /** The downgrade ran but did not give back the schema of the step before. */
  | "downgrade-differs"
  /** The revision file changed after it was applied to the database (its recorded hash differs). */
  | "file-changed";

/** One finding, naming the revision it is about. */
export interface VerifyProblem {
  readonly kind: VerifyProblemKind;
  readonly revision: string;
  /** One line. */
  readonly message: string;
  /** The ops that differ (`AddColumnOp users.email`), for models-differ and downgrade-differs. */
  readonly ops?: readonly string[];
}

/** The outcome of `verify` (also its `--format json` output). */
export interface VerifyResult {
  /** True when nothing was found. */
  readonly ok: boolean;
  /** Where it ran: `database autogen_verify_... on postgres://...`, `PGlite in memory`, `temp file ...`. */
  readonly scratch: string;
  /** How the scratch database was chosen (PGlite is a fallback on PostgreSQL logins that may not create databases). */
  readonly scratchSource: "shadowUrl" | "url" | "pglite-fallback";
  /** The revisions whose upgrade and downgrade were checked, in upgrade order. */
  readonly revisions: readonly string[];
  /** Whether the schema after the last revision was compared with the models (only when the range ends at the heads and the config has models). */
  readonly modelsCompared: boolean;
  readonly problems: readonly VerifyProblem[];
}

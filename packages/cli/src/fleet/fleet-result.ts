/** How one target of a fleet run ended. */
export type FleetTargetStatus =
  /** The command did what it was asked (for check: the models match the database). */
  | "ok"
  /** check: the models differ from the database (`changes` says how). */
  | "differs"
  /** An error: unreachable, a failing revision, a bad revision for this database... (`error`). */
  | "failed"
  /** Ctrl-C arrived while it ran: it stopped after its current revision (`to` is where). */
  | "interrupted"
  /** Ctrl-C arrived before it started. */
  | "not-started";

/** One target of a fleet run, as the summary line and `--format json` show it. */
export interface FleetTargetResult {
  readonly name: string;
  readonly status: FleetTargetStatus;
  /** The version-table heads before the command; null when not read (unreachable, offline, not started). */
  readonly from: readonly string[] | null;
  /** The heads afterwards (offline: those the script ends at); null when not known. */
  readonly to: readonly string[] | null;
  /** Revisions run (upgrade, downgrade) or version-table steps (stamp); null when not counted. */
  readonly steps: number | null;
  /** Wall time of this target, milliseconds. */
  readonly ms: number;
  /** What went wrong (status `failed` or `interrupted`): the one-line message and its exit code. */
  readonly error: { readonly message: string; readonly exitCode: number } | null;
  /** check: each pending op in a few words (`AddColumnOp account.overdrawn`), and the risks' codes. */
  readonly changes?: readonly string[];
  readonly risks?: readonly string[];
  /** Offline (`--sql`): the file the target's SQL was written to. */
  readonly file?: string;
}

/** A fleet run: the command, each target in config order, and the exit status it makes. */
export interface FleetReport {
  /** `upgrade`, `downgrade`, `stamp`, `current` or `check`. */
  readonly command: string;
  /** The revision argument (`head`, `base:head`, the stamped revisions), if the command takes one. */
  readonly revision: string | null;
  readonly results: readonly FleetTargetResult[];
  /** True when Ctrl-C (the signal) stopped the run early. */
  readonly interrupted: boolean;
  /** {@link fleetExitCode} of the results. */
  readonly exitCode: number;
}

/** The status Ctrl-C ends a process with (128 + SIGINT), as a shell reports it. */
export const INTERRUPTED_EXIT_CODE = 130;

/**
 * The exit status of a fleet run: 130 when interrupted; otherwise the highest status among the
 * targets (3 a database error, 2 a user error, 1 a difference found by check), 0 when all are fine.
 */
export function fleetExitCode(results: readonly FleetTargetResult[], interrupted: boolean): number {
  if (interrupted) return INTERRUPTED_EXIT_CODE;
  let code = 0;
  for (const r of results) {
    if (r.status === "differs") code = Math.max(code, 1);
    if (r.error) code = Math.max(code, r.error.exitCode);
  }
  return code;
}

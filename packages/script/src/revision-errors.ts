import { CommandError } from "@autogen/core";

/**
 * A problem with the revision graph or with a revision identifier. The texts are Alembic's
 * `RevisionMap` texts; every subclass is a {@link CommandError}, so a broken graph or an unknown
 * revision always exits with status 2.
 */
export class RevisionError extends CommandError {}

/** `lower` is not an ancestor of `upper` (Alembic's `RangeNotAncestorError`). */
export class RangeNotAncestorError extends RevisionError {
  constructor(
    readonly lower: string | readonly string[] | null,
    readonly upper: string | readonly string[] | null,
  ) {
    super(`Revision ${describeIdentifier(lower)} is not an ancestor of revision ${describeIdentifier(upper)}`);
  }
}

/** A symbol such as `head` names more than one revision. */
export class MultipleHeadsError extends RevisionError {
  constructor(
    readonly heads: readonly string[],
    readonly argument: string | null,
  ) {
    super(`Multiple heads are present for given argument '${argument}'; ${heads.join(", ")}`);
  }
}

/** An identifier that names no revision or branch (or names several by prefix). */
export class ResolutionError extends RevisionError {
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
  }
}

/**
 * A partial id that starts several revisions (Alembic's text, which shows the first three). The
 * command-level error names them all, where Alembic's says only "Can't locate revision".
 */
export class AmbiguousRevisionError extends ResolutionError {
  constructor(
    argument: string,
    readonly candidates: readonly string[],
  ) {
    const shown = candidates
      .slice(0, 3)
      .map((c) => `'${c}'`)
      .join(", ");
    super(`Multiple revisions start with '${argument}': ${shown}...`, argument);
  }
}

/** The `downRevision` edges form a cycle (or the graph has no head or no base). */
export class CycleDetectedError extends RevisionError {
  constructor(
    readonly revisions: readonly string[],
    kind = "Cycle",
  ) {
    super(`${kind} is detected in revisions (${revisions.join(", ")})`);
  }
}

/** The `downRevision` plus `dependsOn` edges form a cycle. */
export class DependencyCycleDetectedError extends CycleDetectedError {
  constructor(revisions: readonly string[], kind = "Dependency cycle") {
    super(revisions, kind);
  }
}

/** A revision names itself as its own down revision. */
export class LoopDetectedError extends CycleDetectedError {
  constructor(revision: string) {
    super([revision], "Self-loop");
  }
}

/** A revision names itself in its own `dependsOn`. */
export class DependencyLoopDetectedError extends DependencyCycleDetectedError {
  constructor(revision: string) {
    super([revision], "Dependency self-loop");
  }
}

/** Alembic prints an empty identifier as `base` in range errors. */
function describeIdentifier(id: string | readonly string[] | null): string {
  if (id === null) return "base";
  if (typeof id === "string") return id === "" ? "base" : id;
  return id.length === 0 ? "base" : pythonTuple(id);
}

/** Alembic interpolates tuples with `%s`, which prints them the Python way: `('a', 'b')`. */
function pythonTuple(ids: readonly string[]): string {
  return ids.length === 1 ? `('${ids[0]}',)` : `(${ids.map((i) => `'${i}'`).join(", ")})`;
}

import { CommandError } from "@autogen/core";
import {
  AmbiguousRevisionError,
  MultipleHeadsError,
  RangeNotAncestorError,
  ResolutionError,
  RevisionError,
} from "./revision-errors";

/** A range whose ends are not ancestor and descendant: the ends as the command names them. */
export interface RangeEnds {
  readonly start: string;
  readonly end: string;
}

/** Several heads where one was needed: the argument that named them, and the heads. */
export interface SeveralHeads {
  readonly headArg: string;
  readonly heads: readonly string[];
}

/** How a command phrases the graph errors it can meet (Alembic's `ScriptDirectory._catch_revision_errors`). */
export interface RevisionErrorTexts {
  /** The message for a range that is not ancestor/descendant. */
  ancestor?: (range: RangeEnds) => string;
  /** The message for several heads. */
  multipleHeads?: (found: SeveralHeads) => string;
  /** How the range's start and end are named in `ancestor` (default: the ids the error carries). */
  start?: string | null;
  end?: string | null;
  /** For an unknown identifier; replaces the default `Can't locate revision identified by '...'`. */
  resolution?: string;
}

const defaultAncestor = ({ start, end }: RangeEnds): string =>
  `Requested range ${start}:${end} does not refer to ancestor/descendant revisions along the same branch`;
const defaultMultipleHeads = ({ headArg }: SeveralHeads): string =>
  `Multiple head revisions are present for given argument '${headArg}'; please specify a specific target revision, ` +
  `'<branchname>@${headArg}' to narrow to a specific head, or 'heads' for all heads`;

/** The error a user sees for a graph error raised by `fn`; raw texts stay reachable as `cause`. */
export function catchRevisionErrors<T>(fn: () => T, texts: RevisionErrorTexts = {}): T {
  try {
    return fn();
  } catch (err) {
    throw commandErrorFor(err, texts);
  }
}

/** Maps a raw revision error to its command-level text; other errors pass through unchanged. */
export function commandErrorFor(err: unknown, texts: RevisionErrorTexts = {}): unknown {
  if (err instanceof RangeNotAncestorError) {
    const start = texts.start ?? identifierText(err.lower);
    const end = texts.end ?? identifierText(err.upper);
    return new CommandError((texts.ancestor ?? defaultAncestor)({ start, end }), { cause: err });
  }
  if (err instanceof MultipleHeadsError) {
    const headArg = texts.end || err.argument || "";
    return new CommandError((texts.multipleHeads ?? defaultMultipleHeads)({ headArg, heads: err.heads }), {
      cause: err,
    });
  }
  if (err instanceof AmbiguousRevisionError) {
    // Alembic says "Can't locate" here; naming the candidates tells the user what to type.
    const names = [...err.candidates].sort().join(", ");
    return new CommandError(
      `Revision '${err.argument}' is ambiguous: it starts ${names}; give more characters of the id`,
      { cause: err },
    );
  }
  if (err instanceof ResolutionError) {
    return new CommandError(texts.resolution ?? `Can't locate revision identified by '${err.argument}'`, {
      cause: err,
    });
  }
  if (err instanceof RevisionError) return new CommandError(err.message, { cause: err });
  return err;
}

function identifierText(id: string | readonly string[] | null): string {
  if (id === null) return "None";
  return typeof id === "string" ? id : id.join(", ");
}

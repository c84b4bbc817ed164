import { CommandError } from "@autogen/core";
import {
  AmbiguousRevisionError,
  MultipleHeadsError,
  RangeNotAncestorError,
  ResolutionError,
  RevisionError,
} from "./revision-errors";

/** How a command phrases the graph errors it can meet (Alembic's `ScriptDirectory._catch_revision_errors`). */
export interface RevisionErrorTexts {
  /** For a range that is not ancestor/descendant; `%(start)s` and `%(end)s` are replaced. */
  ancestor?: string;
  /** For several heads; `%(head_arg)s` and `%(heads)s` are replaced. */
  multipleHeads?: string;
  start?: string | null;
  end?: string | null;
  /** For an unknown identifier; replaces the default `Can't locate revision identified by '...'`. */
  resolution?: string;
}

const DEFAULT_ANCESTOR =
  "Requested range %(start)s:%(end)s does not refer to ancestor/descendant revisions along the same branch";
const DEFAULT_MULTIPLE_HEADS =
  "Multiple head revisions are present for given argument '%(head_arg)s'; please specify a specific target revision, " +
  "'<branchname>@%(head_arg)s' to narrow to a specific head, or 'heads' for all heads";

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
    return new CommandError(fill(texts.ancestor ?? DEFAULT_ANCESTOR, { start, end }), { cause: err });
  }
  if (err instanceof MultipleHeadsError) {
    const headArg = texts.end || err.argument || "";
    return new CommandError(
      fill(texts.multipleHeads ?? DEFAULT_MULTIPLE_HEADS, { head_arg: headArg, heads: err.heads.join(", ") }),
      {
        cause: err,
      },
    );
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

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/%\((\w+)\)s/g, (whole, key: string) => values[key] ?? whole);
}

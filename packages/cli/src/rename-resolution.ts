import { CommandError } from "@autogen/core";
import {
  hintMatches,
  renameHintFor,
  parseRenameHint,
  type RenameCandidate,
  type RenameHint,
  type RenameResolver,
} from "@autogen/compare";
import type { RenameOptions } from "./rename-options";

/** A resolver for compareWithRenames, and the check that every hint was used. */
export interface RenameResolution {
  readonly resolver: RenameResolver;
  /** Throws (exit 2) naming the first hint that matched no candidate. */
  assertHintsUsed(): void;
}

/**
 * Resolves each candidate, in order: a `--rename` hint; else `ask` (the terminal's y/N
 * question); else `confirmRename`; else it is not a rename. Hints are parsed here, before any
 * database is opened, so a malformed one fails first.
 */
export function renameResolution(
  o: RenameOptions & { ask?: (c: RenameCandidate) => Promise<boolean> },
): RenameResolution {
  const hints: RenameHint[] = (o.renames ?? []).map(parseRenameHint);
  const used = new Set<RenameHint>();
  const hintFor = (c: RenameCandidate) => hints.find((h) => hintMatches(h, c));
  return {
    resolver: {
      isHinted: (c) => hintFor(c) !== undefined,
      decide: async (c) => {
        const h = hintFor(c);
        if (h) {
          used.add(h);
          return true;
        }
        if (o.ask) return await o.ask(c);
        if (o.confirmRename) return (await o.confirmRename(c)) === true;
        return false;
      },
    },
    assertHintsUsed() {
      const unused = hints.find((h) => !used.has(h));
      if (unused)
        throw new CommandError(`--rename '${unused.text}' matches no rename candidate (no such drop and add)`);
    },
  };
}

/** The terminal's question about a candidate. */
export function renameQuestionText(c: RenameCandidate): string {
  const what = c.kind === "table" ? `table ${c.table}` : `${c.kind} ${c.from} of ${c.table}`;
  return `Rename candidate: is ${what} renamed to ${c.to}? No drops it and creates ${c.to} (--rename ${renameHintFor(c)})`;
}

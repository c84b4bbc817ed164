import { CommandError } from "@autogen/core";

/**
 * Splits a `FROM:TO` range (history `-r`, `upgrade/downgrade/stamp --sql`); an empty side is
 * null. Without a colon, or with more than one, throws Alembic's history text
 * `History range requires [start]:[end], [start]:, or :[end]`; commands that need their own text
 * (`Range revision not allowed`, `downgrade with --sql requires <fromrev>:<torev>`) check for
 * the colon first.
 */
export function parseRange(range: string): { from: string | null; to: string | null } {
  const parts = range.trim().split(":");
  if (parts.length !== 2) throw new CommandError("History range requires [start]:[end], [start]:, or :[end]");
  return { from: parts[0]!.trim() || null, to: parts[1]!.trim() || null };
}

import type { Canonicalizer } from "@autogen/dialects";

/**
 * The reviewer-facing warning for a type change that can lose data (narrowing) or fail on
 * existing rows (a string parsed into another type), rendered as a comment above the
 * alterColumn; null for any other change. The dialect's canonicalizer decides.
 */
export function typeChangeWarning(
  canonical: Pick<Canonicalizer, "narrows" | "convertsText">,
  table: string,
  column: string,
  from: string,
  to: string,
): string | null {
  if (canonical.narrows(from, to))
    return `narrowing type change on ${table}.${column} from ${from} to ${to}: existing values may be truncated or rejected`;
  if (canonical.convertsText(from, to))
    return `type change on ${table}.${column} from ${from} to ${to} converts every value: one that is not a valid ${to} makes the upgrade fail`;
  return null;
}

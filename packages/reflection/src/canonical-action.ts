import type { ReferentialAction } from "@autogen/core";
import type { Dialect } from "@autogen/dialects";

/**
 * A reflected ON DELETE / ON UPDATE action in the dialect's canonical terms (the same call the
 * metadata side makes), so that actions the database cannot tell apart compare equal.
 */
export function canonicalAction(dialect: Dialect, action: ReferentialAction | null): ReferentialAction | null {
  return dialect.canonical.referentialAction ? dialect.canonical.referentialAction(action) : action;
}

/* The fixture folders the invariant and adoption suites run (fixtures/README.md). */
import fs from "node:fs";
import path from "node:path";

/** The repository's fixtures folder. */
export const FIXTURES = path.resolve(__dirname, "..", "..", "..", "fixtures");

/** Every fixture folder (one with an entities.ts), sorted. */
export function allFixtureNames(): string[] {
  if (!fs.existsSync(FIXTURES)) return [];
  return fs
    .readdirSync(FIXTURES)
    .filter((n) => fs.existsSync(path.join(FIXTURES, n, "entities.ts")))
    .sort();
}

/**
 * The fixtures to run: those `AUTOGEN_FIXTURES` names (a comma list, to work on a few), else
 * every one.
 */
export function selectedFixtureNames(): string[] {
  const only = new Set(
    (process.env.AUTOGEN_FIXTURES ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return allFixtureNames().filter((n) => only.size === 0 || only.has(n));
}

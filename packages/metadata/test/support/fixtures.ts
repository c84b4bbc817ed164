import { readdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DialectName } from "@autogen/dialects";
import { loadModule } from "@autogen/runtime";

/** The repository's fixtures/ folder (this file runs from packages/metadata/dist/test/support). */
export const FIXTURES_DIR = resolve(__dirname, "../../../../../fixtures");

/** One fixtures/<case>/entities.ts, loaded. */
export interface Fixture {
  readonly name: string;
  readonly entities: unknown[];
  readonly dataSourceOptions: Record<string, unknown> | undefined;
  readonly dialects: readonly DialectName[];
}

/** Names of all fixture folders with an entities.ts, sorted. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES_DIR, d.name, "entities.ts")))
    .map((d) => d.name)
    .sort();
}

/** Loads one fixture through autogen's TypeScript loader (legacy decorators, design:type metadata). */
export async function loadFixture(name: string): Promise<Fixture> {
  const mod = await loadModule(join(FIXTURES_DIR, name, "entities.ts"));
  const entities = mod["entities"];
  const dialects = mod["dialects"];
  if (!Array.isArray(entities) || !Array.isArray(dialects))
    throw new Error(`fixture ${name}: entities.ts must export entities and dialects arrays`);
  return {
    name,
    entities,
    dataSourceOptions: mod["dataSourceOptions"] as Record<string, unknown> | undefined,
    dialects: dialects as DialectName[],
  };
}

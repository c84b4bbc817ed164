/* A fuzz run: N pairs from a seed on one dialect, one scratch database for the run (emptied
 * after each pair), each failure shrunk and printed as a fixture (fixtures/fuzz-pairs/). */
import fs from "node:fs";
import path from "node:path";
import type { DialectName } from "@autogen/dialects";
import { freshDatabase, type FreshDatabase } from "@autogen/dialects/testing";
import { randomEntities, Rng } from "../random-model";
import { randomEdits } from "./edits";
import { FUZZ_MENUS } from "./menus";
import { specOf } from "./model-spec";
import {
  runPair,
  stepTimes,
  type Pair,
  type PairFailure,
  type PropertyOptions,
  type TypeormLine,
} from "./pair-property";
import { columnCount, shrink } from "./shrink";
import { wipeDatabase } from "./wipe";

/** The folder of fixture pairs (JSON) the fuzz test replays. */
export const FUZZ_FIXTURES = path.resolve(__dirname, "..", "..", "..", "..", "fixtures", "fuzz-pairs");

/** The pair of seed `seed`: a random model of 1–3 tables and 1–5 random edits of it. */
export function generatePair(dialect: DialectName, seed: number, line: TypeormLine = "typeorm"): Pair {
  const menu = FUZZ_MENUS[dialect];
  if (!menu) throw new Error(`no fuzz menu for ${dialect}`);
  const r = new Rng(seed * 7919 + 17);
  const { EntitySchema } = require(line) as { EntitySchema: new (o: Record<string, unknown>) => unknown };
  const v1 = specOf(randomEntities(EntitySchema, menu, seed, 1 + Math.floor(r.next() * 3)));
  return { dialect, seed, v1, edits: randomEdits(r, v1, menu, dialect, `r${seed}`) };
}

/** A failing pair as it is saved: the pair (shrunk), its original seed and why it fails. */
export interface FixturePair extends Pair {
  typeorm: TypeormLine;
  failure: PairFailure;
}

/** Reads the fixture pairs saved in `dir` (default fixtures/fuzz-pairs/). */
export function loadFixturePairs(dir = FUZZ_FIXTURES): { name: string; pair: FixturePair }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ""), pair: JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) }));
}

/** The run's scratch database, emptied after each pair. */
export class FuzzDatabase {
  #db: FreshDatabase | undefined;
  constructor(readonly dialect: DialectName) {}
  /** Runs the property on the database, then empties it. */
  async run(pair: Pair, o: PropertyOptions): Promise<PairFailure | undefined> {
    this.#db ??= await freshDatabase(this.dialect);
    try {
      return await runPair(this.#db, pair, o);
    } finally {
      await wipeDatabase(this.#db);
    }
  }
  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    await db?.drop();
  }
}

export interface RunOptions extends PropertyOptions {
  dialect: DialectName;
  pairs: number;
  seed: number;
  /** Shrink each failure before printing it (default true). */
  shrink?: boolean;
  /** Folder to write each shrunk failure to as `<dialect>-<seed>.json`. */
  out?: string;
  log?: (line: string) => void;
  /** Print the mean time per pair of each step with the progress lines. */
  timings?: boolean;
}

export interface RunResult {
  passed: number;
  failed: FixturePair[];
}

/** Runs pairs `seed`, `seed+1`, … on one scratch database, printing progress and each failure. */
export async function runPairs(o: RunOptions): Promise<RunResult> {
  const log = o.log ?? ((s: string) => console.log(s));
  const line = o.typeorm ?? "typeorm";
  const db = new FuzzDatabase(o.dialect);
  const result: RunResult = { passed: 0, failed: [] };
  const started = Date.now();
  try {
    for (let i = 0; i < o.pairs; i++) {
      const seed = o.seed + i;
      const pair = generatePair(o.dialect, seed, line);
      const failure = await db.run(pair, o);
      if (!failure) result.passed++;
      else {
        log(`FAIL seed ${seed} at ${failure.step}: ${firstLines(failure.message, 12)}`);
        const small =
          o.shrink === false
            ? pair
            : await shrink(
                pair,
                async (p) => (await db.run(p, o))?.step === failure.step,
                (p) => log(`  shrunk to ${p.edits.length} edit(s), ${columnCount(p)} column(s)`),
              );
        const final = small === pair ? failure : ((await db.run(small, o)) ?? failure);
        const fixture: FixturePair = { ...small, typeorm: line, failure: final };
        result.failed.push(fixture);
        log(`shrunk pair of seed ${seed} (save as fixtures/fuzz-pairs/${o.dialect}-${seed}.json):`);
        log(JSON.stringify(fixture, null, 2));
        if (o.out) {
          fs.mkdirSync(o.out, { recursive: true });
          fs.writeFileSync(path.join(o.out, `${o.dialect}-${seed}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
        }
      }
      if ((i + 1) % 10 === 0 || i + 1 === o.pairs) {
        const each = ((Date.now() - started) / (i + 1) / 1000).toFixed(2);
        log(`[${i + 1}/${o.pairs}] ${result.passed} passed, ${result.failed.length} failed (${each} s per pair)`);
        if (o.timings)
          log(`  ${[...stepTimes].map(([k, ms]) => `${k} ${(ms / (i + 1) / 1000).toFixed(2)} s`).join(", ")}`);
      }
    }
  } finally {
    await db.close();
  }
  return result;
}

function firstLines(s: string, n: number): string {
  const lines = s.split("\n");
  return lines.length > n ? [...lines.slice(0, n), `  … (${lines.length - n} more lines)`].join("\n") : s;
}

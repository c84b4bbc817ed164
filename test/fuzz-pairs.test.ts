/*
 * Random change pairs with data (README "Fuzzing random change pairs"): a fixed sample of pairs
 * per dialect through the pair property (test/helpers/fuzz/), and every saved failing pair of
 * fixtures/fuzz-pairs/ replayed. The full runs are `node scripts/fuzz.js`. A failure prints the
 * seed: `node scripts/fuzz.js --dialect D --pairs 1 --seed S` reproduces and shrinks it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { DialectName } from "@autogen/dialects";
import { useDatabase } from "@autogen/dialects/testing";
import { FUZZ_MENUS } from "./helpers/fuzz/menus";
import { runPair } from "./helpers/fuzz/pair-property";
import { generatePair, loadFixturePairs } from "./helpers/fuzz/run";
import { wipeDatabase } from "./helpers/fuzz/wipe";
import type { PairFailure, TypeormLine } from "./helpers/fuzz/pair-property";

/** The sample: these seeds on every dialect with a menu, on both TypeORM lines. */
const SAMPLE: { line: TypeormLine; seeds: number[] }[] = [
  { line: "typeorm", seeds: [1, 2, 3, 4, 5, 6] },
  { line: "typeorm03", seeds: [7, 8] },
];

for (const dialect of Object.keys(FUZZ_MENUS) as DialectName[]) {
  for (const { line, seeds } of SAMPLE) {
    test(`${dialect} fuzz pairs (${line}), seeds ${seeds.join(", ")}`, async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      for (const seed of seeds) {
        const failure: PairFailure | undefined = await runPair(db, generatePair(dialect, seed, line), {
          typeorm: line,
        });
        assert.equal(failure, undefined, `seed ${seed}: ${failure?.step}\n${failure?.message}`);
        await wipeDatabase(db);
      }
    });
  }
}

for (const { name, pair } of loadFixturePairs()) {
  test(`fuzz fixture ${name}`, async (t) => {
    const db = await useDatabase(t, pair.dialect);
    if (!db) return;
    const failure = await runPair(db, pair, { typeorm: pair.typeorm });
    assert.equal(failure, undefined, `${failure?.step}\n${failure?.message}`);
  });
}

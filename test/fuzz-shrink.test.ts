/*
 * The fuzz shrinker on a deliberately broken comparator: a compareType that reports every
 * varchar of 100 or more characters as changed (a phantom op once such a column exists). A
 * five-edit pair over two tables fails at (a); the shrinker must bring it down to the one edit
 * that widens a varchar past 100, on a table holding only the key and that column.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { CompareTypeFn } from "@autogen/compare";
import { useDatabase } from "@autogen/dialects/testing";
import type { Edit } from "./helpers/fuzz/edits";
import { runPair, type Pair, type PropertyOptions } from "./helpers/fuzz/pair-property";
import { shrink } from "./helpers/fuzz/shrink";
import { wipeDatabase } from "./helpers/fuzz/wipe";

const brokenCompareType: CompareTypeFn = (_ctx, _inspected, metadata) =>
  Number(/^varchar\((\d+)\)$/i.exec(metadata.type)?.[1] ?? 0) >= 100 ? true : null;

const id = { type: "integer", generated: "increment", primary: true };
const widen: Edit = {
  kind: "alterColumn",
  table: "s_t1",
  column: "d",
  what: "widen",
  options: { type: "varchar", length: 120 },
  destructive: false,
};

const failing: Pair = {
  dialect: "sqlite",
  seed: 0,
  v1: {
    tables: [
      {
        name: "s_t0",
        columns: {
          id,
          a: { type: "varchar", length: 50 },
          b: { type: "int", nullable: true },
          c: { type: "text", nullable: true },
        },
        indices: [],
        relations: {},
        checks: [],
      },
      {
        name: "s_t1",
        columns: {
          id,
          d: { type: "varchar", length: 20 },
          e: { type: "boolean", nullable: true },
          f: { type: "int" },
        },
        indices: [],
        relations: { parent: { type: "many-to-one", target: "s_t0", onDelete: "CASCADE", onUpdate: "NO ACTION" } },
        checks: [],
      },
    ],
  },
  edits: [
    { kind: "addColumn", table: "s_t0", column: "n0", options: { type: "int", nullable: true } },
    widen,
    { kind: "dropColumn", table: "s_t0", column: "c" },
    {
      kind: "alterColumn",
      table: "s_t0",
      column: "b",
      what: "default",
      options: { type: "int", nullable: true, default: 7 },
      destructive: false,
    },
    { kind: "addIndex", table: "s_t1", index: { name: "fx_s_t1_f", columns: ["f"], unique: false } },
  ],
};

test("the shrinker reduces a pair failing on a broken comparator to its one edit and one column", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const o = { config: { compareType: brokenCompareType } };
  const run = async (p: Pair, options: PropertyOptions = o) => {
    const failure = await runPair(db, p, options);
    await wipeDatabase(db);
    return failure;
  };
  const original = await run(failing);
  assert.equal(original?.step, "(a) autogenerate after upgrade", original?.message);
  const small = await shrink(failing, async (p) => (await run(p))?.step === original?.step);
  assert.deepEqual(small, {
    dialect: "sqlite",
    seed: 0,
    v1: {
      tables: [
        {
          name: "s_t1",
          columns: { id, d: { type: "varchar", length: 20 } },
          indices: [],
          relations: {},
          checks: [],
        },
      ],
    },
    edits: [widen],
  });
  // The same pair passes with the real comparator: the failure was the broken one's.
  assert.equal(await run(small, {}), undefined);
});

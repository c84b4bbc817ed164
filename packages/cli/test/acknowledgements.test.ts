import assert from "node:assert/strict";
import { test } from "node:test";
import { acknowledgedCodes } from "../src/lint/acknowledgements";

const lines = (text: string) => text.split("\n");

test("an acknowledgement counts in the comment block directly above the op, one code each", () => {
  const file = lines(`export async function upgrade(op) {
  // risk data-loss (acknowledged): obsolete
  // WARNING: narrowing type change
  // risk table-rewrite: rewrites users
  await op.alterColumn("users", "name", { type: "varchar(5)" });
  // risk long-lock (acknowledged): small table

  await op.createIndex("ix", "users", ["name"]);
  await op.autocommitBlock(async () => {
    await op.addEnumValue("mood", "ok");
  });
}`);
  assert.deepEqual([...acknowledgedCodes(file, 5)], ["data-loss"]);
  // A blank line ends the block: the comment above it belongs to nothing.
  assert.deepEqual([...acknowledgedCodes(file, 8)], []);
  // Comments a code line separates do not reach the next op.
  assert.deepEqual([...acknowledgedCodes(file, 10)], []);
  const wrapped = lines(`  // risk data-loss (acknowledged): x
  await op.autocommitBlock(async () => {
    await op.addEnumValue("mood", "ok");`);
  assert.deepEqual([...acknowledgedCodes(wrapped, 3)], ["data-loss"]);
  // A line the file does not have (a stale or foreign source map) acknowledges nothing, and does not throw.
  assert.deepEqual([...acknowledgedCodes(wrapped, 4)], []);
  assert.deepEqual([...acknowledgedCodes(wrapped, 40)], []);
});

#!/usr/bin/env node
// Random change pairs with data (README "Fuzzing random change pairs"): runs N pairs from a
// seed on one dialect and ends with `N passed, M failed` (exit 0 only when M is 0). Needs the
// build (npm run build): the harness is test/helpers/fuzz/, compiled to test/dist/.
"use strict";
const path = require("node:path");
const { parseArgs } = require("node:util");

const USAGE = `usage: node scripts/fuzz.js --dialect postgres|mysql|sqlite [--pairs N] [--seed S]
       [--typeorm 1|0.3] [--no-shrink] [--out DIR] [--timings]`;

function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dialect: { type: "string" },
        pairs: { type: "string", default: "100" },
        seed: { type: "string" },
        typeorm: { type: "string", default: "1" },
        "no-shrink": { type: "boolean", default: false },
        out: { type: "string" },
        timings: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    return process.exit(2);
  }
  if (values.help) return console.log(USAGE);
  const dialect = { postgresql: "postgres", mariadb: "mysql" }[values.dialect] ?? values.dialect;
  const pairs = Number(values.pairs);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 1e6) : Number(values.seed);
  const typeorm = { 1: "typeorm", "1.x": "typeorm", 0.3: "typeorm03", 0.3: "typeorm03", "0.3.x": "typeorm03" }[
    values.typeorm
  ];
  if (
    !["postgres", "mysql", "sqlite"].includes(dialect) ||
    !Number.isInteger(pairs) ||
    pairs < 1 ||
    !Number.isInteger(seed) ||
    !typeorm
  ) {
    console.error(USAGE);
    return process.exit(2);
  }
  const { runPairs } = require(path.join(__dirname, "..", "test", "dist", "helpers", "fuzz", "run.js"));
  console.log(`fuzz: dialect ${dialect}, ${pairs} pairs from seed ${seed}, ${typeorm}`);
  runPairs({
    dialect,
    pairs,
    seed,
    typeorm,
    shrink: !values["no-shrink"],
    out: values.out,
    timings: values.timings,
  }).then(
    (r) => {
      console.log(`${r.passed} passed, ${r.failed.length} failed`);
      process.exit(r.failed.length === 0 ? 0 : 1);
    },
    (err) => {
      console.error(err);
      process.exit(2);
    },
  );
}

main();

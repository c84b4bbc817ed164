// `autogen revision --autogenerate` of a project's first revision, as a whole CLI process: a
// TypeScript project of 1,000 entity files (the synthetic model, one decorated class per file)
// and an autogen.config.ts with the prettier post-write hook, against an empty database of each
// dialect. Goal: under 3 s. The goal's rows run without the loader's compile cache
// (AUTOGEN_COMPILE_CACHE=0), as the very first run on a project does; one more SQLite row runs
// with it warm, as every later run whose entity files did not change does. Env:
// AUTOGEN_BENCH_FIRST_REVISION_ENTITIES (default 1000), AUTOGEN_BENCH_RUNS (default 5).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { timeProcess } = require("./process-timer");
const { entitySources, syntheticModel } = require("./synthetic-model");

const N = Number(process.env.AUTOGEN_BENCH_FIRST_REVISION_ENTITIES || 1000);
const RUNS = Number(process.env.AUTOGEN_BENCH_RUNS || 5);
const GOAL_SECONDS = 3;
const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "packages", "cli", "bin", "autogen.js");
// Inside the repository (its /tmp/ is ignored by git), so that the project resolves `autogen`,
// `typeorm` and `prettier` from the repository's node_modules, as an installed project would.
const WORK = path.join(ROOT, "tmp", "bench-first-revision");
const PROFILES = ["postgres", "mysql", "sqlite"].map((d) => require(`./profiles/${d}`));

const CONFIG = `import { defineConfig } from "autogen";
import { entities } from "./src/entities";

export default defineConfig({
  scriptLocation: "migrations",
  url: process.env.BENCH_DATABASE_URL,
  entities,
  postWriteHooks: ["prettier"],
});
`;

/** Writes the project for `profile` (entities, config, empty versions folder); returns its directory. */
function writeProject(profile) {
  const dir = path.join(WORK, profile.dialect);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "src", "entities"), { recursive: true });
  fs.mkdirSync(path.join(dir, "migrations", "versions"), { recursive: true });
  for (const { file, text } of entitySources(profile, syntheticModel(N))) {
    fs.writeFileSync(path.join(dir, "src", "entities", file), text);
  }
  fs.writeFileSync(path.join(dir, "autogen.config.ts"), CONFIG);
  return dir;
}

/** The one revision file a run wrote, checked to create every table; fails otherwise. */
function checkRevision(dir) {
  const versions = path.join(dir, "migrations", "versions");
  const files = fs.readdirSync(versions).filter((f) => f.endsWith(".ts"));
  if (files.length !== 1) throw new Error(`expected one revision file in ${versions}, found ${files.length}`);
  const text = fs.readFileSync(path.join(versions, files[0]), "utf8");
  const created = text.match(/op\.createTable\(/g)?.length ?? 0;
  if (created !== N) throw new Error(`the revision creates ${created} tables, not ${N}`);
  return { file: path.join(versions, files[0]), text, lines: text.split("\n").length };
}

module.exports = {
  title: `revision --autogenerate: the first revision of ${N.toLocaleString("en")} entity files (prettier included), whole process`,
  async run() {
    const { freshDatabase } = require("@autogen/dialects/testing");
    const prettier = require("prettier");
    const results = [];
    const runs = [
      ...PROFILES.map((profile) => ({ profile, compileCache: false })),
      { profile: PROFILES.find((p) => p.dialect === "sqlite"), compileCache: true },
    ];
    for (const { profile, compileCache } of runs) {
      const db = await freshDatabase(profile.dialect);
      try {
        const dir = writeProject(profile);
        const versions = path.join(dir, "migrations", "versions");
        const rssFile = path.join(dir, "rss");
        const rss = [];
        // timeProcess's untimed first run fills the compile cache when it is on.
        const { times } = timeProcess(process.execPath, [BIN, "revision", "--autogenerate", "-m", "first"], {
          runs: RUNS,
          cwd: dir,
          env: {
            BENCH_DATABASE_URL: db.url,
            NODE_OPTIONS: `--require ${path.join(__dirname, "workers", "record-rss.js")}`,
            AUTOGEN_BENCH_RSS_FILE: rssFile,
            ...(!compileCache && { AUTOGEN_COMPILE_CACHE: "0" }),
          },
          before: () => {
            if (fs.existsSync(rssFile)) rss.push(Number(fs.readFileSync(rssFile, "utf8")));
            for (const f of fs.readdirSync(versions)) fs.rmSync(path.join(versions, f), { recursive: true });
          },
        });
        rss.push(Number(fs.readFileSync(rssFile, "utf8")));
        const { file, text, lines } = checkRevision(dir);
        const formatted = await prettier.check(text, { ...(await prettier.resolveConfig(file)), filepath: file });
        results.push({
          name: `autogen revision --autogenerate, ${N} entities, ${profile.label}${compileCache ? ", compile cache warm" : ""}`,
          runs: times,
          ...(!compileCache && { goal: GOAL_SECONDS }),
          rssMB: Math.max(...rss),
          note: `${lines} lines written${formatted ? ", prettier-formatted" : ""}`,
        });
      } finally {
        await db.drop();
      }
    }
    fs.rmSync(WORK, { recursive: true, force: true });
    return results;
  },
};

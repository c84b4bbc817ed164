// `autogen heads` and `autogen history` on 5,000 revisions, as whole CLI processes, against
// `alembic heads` / `alembic history` on the same graph when Alembic is installed.
// Graph commands read revision headers without executing the files (docs/revision-files.md), so the goal
// is under half a second each.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { alembicRevisionFile, autogenRevisionFile, revisionGraph, writeRevisions } = require("./revision-graph");
const { timeProcess } = require("./process-timer");

const COUNT = Number(process.env.AUTOGEN_BENCH_REVISIONS || 5000);
const RUNS = Number(process.env.AUTOGEN_BENCH_RUNS || 5);
const GOAL_SECONDS = 0.5;
const BIN = path.resolve(__dirname, "..", "packages", "cli", "bin", "autogen.js");

/** A Python that can import alembic (PATH's python3 may be a pyenv without Debian's packages). */
function findAlembicPython() {
  const candidates = [process.env.AUTOGEN_BENCH_PYTHON, "python3", "/usr/bin/python3"].filter(Boolean);
  return candidates.find((py) => spawnSync(py, ["-c", "import alembic"], { stdio: "ignore" }).status === 0);
}

/** Fails unless `stdout` mentions every id in `ids`: a command that printed nothing useful is not timed as a success. */
function expectIds(what, stdout, ids) {
  const missing = ids.filter((id) => !stdout.includes(id));
  if (missing.length > 0) {
    const lines = stdout.split("\n").filter(Boolean);
    throw new Error(
      `${what} printed ${lines.length} lines without ${missing.join(", ")} (truncated or wrong output?); last line: ${lines[lines.length - 1] ?? "(none)"}`,
    );
  }
}

function setUpAutogen(dir, revs) {
  const scriptLocation = path.join(dir, "migrations");
  writeRevisions(revs, path.join(scriptLocation, "versions"), "ts", autogenRevisionFile);
  const config = path.join(dir, "autogen.config.js");
  const url = `sqlite:///${path.join(dir, "bench.db")}`;
  fs.writeFileSync(config, `module.exports = ${JSON.stringify({ scriptLocation, url }, null, 2)};\n`);
  return config;
}

function setUpAlembic(dir, revs) {
  const scriptLocation = path.join(dir, "migrations");
  writeRevisions(revs, path.join(scriptLocation, "versions"), "py", alembicRevisionFile);
  fs.writeFileSync(path.join(scriptLocation, "env.py"), "# graph commands do not run env.py\n");
  const ini = path.join(dir, "alembic.ini");
  fs.writeFileSync(
    ini,
    `[alembic]\nscript_location = ${scriptLocation}\nsqlalchemy.url = sqlite:///${path.join(dir, "bench.db")}\n`,
  );
  return ini;
}

module.exports = {
  title: `revision graph: heads and history on ${COUNT.toLocaleString("en")} revisions`,
  async run() {
    if (!fs.existsSync(BIN)) {
      throw new Error(
        `the autogen CLI is not available (${path.relative(process.cwd(), BIN)} is missing); no figures without it`,
      );
    }
    const revs = revisionGraph(COUNT);
    const head = revs[revs.length - 1].id;
    const base = revs[0].id;
    const merges = revs.filter((r) => r.down.length > 1).length;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-bench-"));
    try {
      const results = [];
      const config = setUpAutogen(path.join(tmp, "autogen"), revs);
      for (const cmd of ["heads", "history"]) {
        const { times, stdout } = timeProcess(process.execPath, [BIN, "-c", config, cmd], { runs: RUNS });
        expectIds(`autogen ${cmd}`, stdout, cmd === "heads" ? [head] : [head, base]);
        results.push({ name: `autogen ${cmd}`, runs: times, goal: GOAL_SECONDS, compareTo: `alembic ${cmd}` });
      }

      const python = findAlembicPython();
      if (python) {
        const ini = setUpAlembic(path.join(tmp, "alembic"), revs);
        for (const cmd of ["heads", "history"]) {
          const { times, stdout } = timeProcess(python, ["-m", "alembic", "-c", ini, cmd], { runs: RUNS });
          expectIds(`alembic ${cmd}`, stdout, cmd === "heads" ? [head] : [head, base]);
          results.push({ name: `alembic ${cmd}`, runs: times });
        }
      } else {
        results[0].note = "(Alembic not installed: apt-get install python3-alembic for the comparison)";
      }
      console.log(`${COUNT} revisions, ${merges} merges, 1 head; ${RUNS} timed runs each after a warm-up\n`);
      return results;
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  },
};

// Times whole processes, the way a user meets them: start-up, module loading and output included.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/**
 * Runs `command args` `runs` times (after one untimed warm-up run, so the file-system cache is
 * warm for every run alike) and returns the wall-clock seconds of each run and the output.
 * `before` runs (untimed) before every run, e.g. to remove what the previous one wrote.
 * Output goes to a file, as with `> out.txt`: writes to a file are synchronous for every tool,
 * so neither a pipe's buffer nor this process's reading is part of the figure.
 * @throws Error naming the command when a run fails, with the end of its stderr
 */
function timeProcess(command, args, { runs = 5, cwd, env, before } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-bench-out-"));
  const outFile = path.join(dir, "stdout");
  const errFile = path.join(dir, "stderr");
  const once = () => {
    before?.();
    const out = fs.openSync(outFile, "w");
    const err = fs.openSync(errFile, "w");
    const start = process.hrtime.bigint();
    const r = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", out, err] });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    fs.closeSync(out);
    fs.closeSync(err);
    if (r.error || r.status !== 0) {
      const stderr = fs.readFileSync(errFile, "utf8").trim().split("\n").slice(-3).join(" | ");
      throw new Error(
        `${[command, ...args].join(" ")} failed (${r.error ? r.error.message : `exit ${r.status}: ${stderr}`})`,
      );
    }
    return elapsed;
  };
  try {
    once();
    const stdout = fs.readFileSync(outFile, "utf8");
    const times = Array.from({ length: runs }, once);
    return { times, stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { timeProcess };

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { CommandError, DatabaseError, DiffsDetectedError } from "@autogen/core";
import { parseXArgs } from "../src/cli-program";
import { exitStatusFor, run } from "../src/main";
import { tempDir } from "@autogen/dialects/testing";

/** Runs the CLI in-process and collects what it prints. */
async function cli(args: string[], cwd?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const status = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { status, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

describe("exit statuses", () => {
  it("maps autogen errors to their status", () => {
    assert.equal(exitStatusFor(new DiffsDetectedError("diffs", null)), 1);
    assert.equal(exitStatusFor(new CommandError("bad")), 2);
    assert.equal(exitStatusFor(new DatabaseError("down")), 3);
  });

  it("maps unwrapped driver errors to 3 and anything else to 2", () => {
    assert.equal(
      exitStatusFor(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })),
      3,
    );
    assert.equal(
      exitStatusFor(Object.assign(new Error("SQLITE_BUSY: database is locked"), { code: "SQLITE_BUSY" })),
      3,
    );
    assert.equal(
      exitStatusFor(Object.assign(new Error("Access denied"), { code: "ER_ACCESS_DENIED_ERROR", sqlState: "28000" })),
      3,
    );
    assert.equal(
      exitStatusFor(Object.assign(new Error('relation "x" does not exist'), { code: "42P01", severity: "ERROR" })),
      3,
    );
    assert.equal(exitStatusFor(new TypeError("x is not a function")), 2);
    assert.equal(exitStatusFor("a string"), 2);
  });
});

describe("run", () => {
  it("prints one FAILED line, with the password masked, and no stack", async () => {
    const dir = tempDir("main");
    try {
      fs.writeFileSync(
        path.join(dir, "autogen.config.js"),
        `module.exports = { scriptLocation: "m", url: "postgres://me:s3cret@127.0.0.1:1/db" };\n`,
      );
      fs.mkdirSync(path.join(dir, "m", "versions"), { recursive: true });
      const r = await cli(["current"], dir);
      assert.equal(r.status, 3, r.stderr);
      assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, r.stderr);
      assert.match(r.stderr, /^FAILED: .*\*\*\*/);
      assert.doesNotMatch(r.stderr, /s3cret/);

      const raised = await cli(["current", "--raiseerr"], dir);
      assert.equal(raised.status, 3);
      assert.match(raised.stderr, /\n\s+at /);
      assert.doesNotMatch(raised.stderr, /s3cret/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("turns usage errors into one line and exit 2", async () => {
    for (const args of [["frobnicate"], ["merge"], ["history", "--nope"], ["downgrade", "base", "--wat"]]) {
      const r = await cli(args);
      assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, r.stderr);
      assert.match(r.stderr, /^FAILED: /);
    }
  });

  it("prints the usage on stderr with exit 2 when no command is given", async () => {
    const r = await cli([]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^Usage: autogen \[options\] \[command\]\n/);
    assert.match(r.stderr, /^\s+upgrade \[options\] <revision>/m);
  });

  it("prints help and the version with exit 0", async () => {
    const help = await cli(["--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: autogen/);
    const version = await cli(["--version"]);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe("parseXArgs", () => {
  it("reads KEY=VALUE pairs, a bare KEY as the empty string, and keeps '=' in values", () => {
    assert.deepEqual(parseXArgs(["tenant=a", "dry", "q=a=b"]), { tenant: "a", dry: "", q: "a=b" });
    assert.throws(() => parseXArgs(["=x"]), /Invalid -x argument '=x'/);
  });
});

/**
 * The progress line of `check` and `revision --autogenerate`: drawn in place on stderr when it is
 * a terminal (driven through `script`'s pseudo-terminal), erased before the command's own
 * output, and never written to a pipe or with -q.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { useDatabase } from "@autogen/dialects/testing";
import { describe, hasScript, runOnTerminal } from "./helpers/cli-process";
import { ACCOUNT_ENTITY, createProject, useEntitiesModule, type Project } from "./helpers/project";

/** Erase-line sequence the progress line starts each drawing with. */
const REDRAW = "\r\x1b[K";

/** `autogen ...args` with stdout and stderr on a pseudo-terminal: everything it drew, as written. */
const onTerminal = (p: Project, args: readonly string[]) => runOnTerminal(args, { cwd: p.dir, env: p.env });

test("check and revision --autogenerate draw one progress line on a terminal, none on a pipe", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const p = await createProject(t, db, { hooks: false, inRepo: true });
  fs.writeFileSync(path.join(p.dir, "entities.ts"), ACCOUNT_ENTITY);
  useEntitiesModule(p, "Account");

  // A pipe: the same run, with no trace of the line.
  const piped = await p.cli(["check"]);
  assert.equal(piped.status, 1, describe(piped));
  assert.ok(!piped.stderr.includes("\x1b[K") && !piped.stdout.includes("\x1b[K"), describe(piped));
  assert.doesNotMatch(piped.stderr, /reflecting the database/);

  if (!hasScript) return t.skip("no `script` to run a pseudo-terminal");
  const drawn = onTerminal(p, ["check"]);
  assert.equal(drawn.status, 1, drawn.output);
  const frames = drawn.output.split(REDRAW);
  // Redrawn in place: each stage replaces the one before, with no newline between them.
  const stages = frames.slice(1, -1);
  assert.ok(stages.length >= 3, drawn.output);
  assert.ok(
    stages.some((s) => s.startsWith("reflecting the database and building the model")),
    drawn.output,
  );
  assert.ok(
    stages.some((s) => /^comparing 1 tables with the database/.test(s)),
    drawn.output,
  );
  assert.ok(
    stages.every((s) => !s.includes("\n")),
    drawn.output,
  );
  // Erased before the command's own output, which follows on a clean line.
  assert.match(frames.at(-1)!, /^INFO {2}Detected added table 'account'/);

  const quiet = onTerminal(p, ["-q", "check"]);
  assert.equal(quiet.status, 1, quiet.output);
  assert.ok(!quiet.output.includes(REDRAW), quiet.output);

  const revision = onTerminal(p, ["revision", "--autogenerate", "-m", "accounts"]);
  assert.equal(revision.status, 0, revision.output);
  assert.ok(revision.output.includes(`${REDRAW}reflecting the database and building the model`), revision.output);
  assert.match(revision.output.split(REDRAW).at(-1)!, /^INFO {2}Detected added table 'account'/);
});

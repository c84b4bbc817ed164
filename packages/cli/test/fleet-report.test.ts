/* The fleet run's pieces without a database: the pool's bound and stop, the exit status, the summary lines. */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fleetExitCode, type FleetReport, type FleetTargetResult } from "../src/fleet/fleet-result";
import { FleetFailedError, progressLine, summaryLines } from "../src/fleet/fleet-summary";
import { runPool } from "../src/fleet/run-pool";

const result = (name: string, over: Partial<FleetTargetResult>): FleetTargetResult => ({
  name,
  status: "ok",
  from: [],
  to: ["b2"],
  steps: 2,
  ms: 1234,
  error: null,
  ...over,
});

describe("runPool", () => {
  it("never runs more than `concurrency` at once, keeps the list's order, and starts nothing once aborted", async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ name: `t${i}` }));
    const controller = new AbortController();
    let running = 0;
    let peak = 0;
    const progress: string[] = [];
    const results = await runPool<{ name: string }, string>(
      items,
      {
        concurrency: 3,
        signal: controller.signal,
        isFailure: (r) => r === "failed",
        onProgress: (p) => progress.push(progressLine(p)),
      },
      async (item) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running--;
        if (item.name === "t4") controller.abort();
        return item.name === "t1" ? "failed" : `done ${item.name}`;
      },
      (item) => `not started ${item.name}`,
    );
    assert.equal(peak, 3);
    // t4 aborts: the items already running (t5, t6 started with it at most) finish, the rest never start.
    assert.deepEqual(results.slice(0, 5), ["done t0", "failed", "done t2", "done t3", "done t4"]);
    assert.ok(
      results.slice(7).every((r) => r.startsWith("not started")),
      results.join(", "),
    );
    assert.match(progress[0]!, /^\[0\/10\] running: t0$/);
    assert.ok(
      progress.some((l) => / 1 not ok;/.test(l)),
      progress.join("\n"),
    );
  });
});

describe("fleet exit status and summary", () => {
  it("the highest status among targets; 130 when interrupted; 0 when all are fine", () => {
    const failed3 = result("a", { status: "failed", error: { message: "down", exitCode: 3 } });
    const failed2 = result("b", { status: "failed", error: { message: "bad", exitCode: 2 } });
    const differs = result("c", { status: "differs", changes: ["AddColumnOp t.x"] });
    assert.equal(fleetExitCode([result("ok", {})], false), 0);
    assert.equal(fleetExitCode([differs, result("ok", {})], false), 1);
    assert.equal(fleetExitCode([differs, failed2], false), 2);
    assert.equal(fleetExitCode([failed2, failed3, differs], false), 3);
    assert.equal(fleetExitCode([failed3], true), 130);
  });

  it("one line per target in order, then the totals; the error names the targets", () => {
    const results = [
      result("acme", { from: [], to: ["b2"], steps: 2 }),
      result("globex", { status: "failed", to: [], steps: null, error: { message: "boom", exitCode: 3 } }),
      result("initech", { status: "interrupted", from: [], to: ["a1"], steps: 1 }),
      result("umbrella", { status: "not-started", from: null, to: null, steps: null, ms: 0 }),
    ];
    const report: FleetReport = { command: "upgrade", revision: "head", results, interrupted: true, exitCode: 130 };
    assert.deepEqual(summaryLines(report, 2500), [
      "acme: base -> b2 (2 steps, 1.23 s)",
      "globex: FAILED after 1.23 s (at base): boom",
      "initech: interrupted, base -> a1 (1 step, 1.23 s)",
      "umbrella: not started",
      "4 targets: 1 ok, 1 failed, 1 interrupted, 1 not-started (2.50 s)",
    ]);
    const error = new FleetFailedError(report);
    assert.equal(error.exitCode, 130);
    assert.equal(
      error.message,
      "1 of 4 targets failed: globex; interrupted: 2 of 4 targets not at the end (rerun to finish them)",
    );
  });
});

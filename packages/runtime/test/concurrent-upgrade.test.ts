import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { dialectsUnderTest } from "@autogen/dialects/testing";
import { currentHeads } from "../src/index";
import { loadScript, openDatabase, writeScript } from "./support/script-fixture";

const run = promisify(execFile);
const CHILD = join(__dirname, "support", "upgrade-child.js");
const REVS = ["aaaaaaaaaaa1", "bbbbbbbbbbb2", "ccccccccccc3"];

/**
 * Each revision records itself in a side-effect table and lingers, so that two runs started
 * together overlap: without the run lock both would apply every revision.
 */
function scriptLocation(): string {
  return writeScript(
    REVS.map((rev, i) => ({
      rev,
      down: i === 0 ? null : REVS[i - 1],
      upgrade: [
        i === 0 ? `  await op.createTable("applied", [{ name: "rev", type: "varchar(12)", nullable: false }]);` : "",
        `  await op.bulkInsert("applied", [{ rev: "${rev}" }]);`,
        `  await new Promise((resolve) => setTimeout(resolve, 300));`,
      ].join("\n"),
      downgrade: "",
    })),
  );
}

for (const name of dialectsUnderTest()) {
  test(`${name}: two upgrade processes at once apply each revision exactly once`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { db, conn, dialect } = env;
    const dir = scriptLocation();
    const results = await Promise.allSettled([
      run(process.execPath, [CHILD, db.url, dir]),
      run(process.execPath, [CHILD, db.url, dir]),
    ]);
    for (const r of results)
      assert.equal(
        r.status,
        "fulfilled",
        r.status === "rejected" ? String((r.reason as { stderr?: string }).stderr ?? r.reason) : "",
      );
    const { rows } = await conn.query<{ rev: string }>(`SELECT rev FROM ${dialect.quote("applied")} ORDER BY rev`);
    assert.deepEqual(
      rows.map((r) => r.rev),
      REVS,
    );
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [REVS[2]]);
  });
}

/*
 * Two `autogen upgrade head` processes started at the same moment against one database: the
 * run lock makes each revision run exactly once, and both processes succeed.
 */
import * as assert from "node:assert/strict";
import { test } from "node:test";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { describe } from "./helpers/cli-process";
import { createProject, versionRows, writeOps } from "./helpers/project";

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: two concurrent 'upgrade head' runs apply each revision once`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await createProject(t, db, { hooks: false });
    const create = await p.revision("create counter");
    writeOps(
      create.path,
      `await op.createTable("counter", [{ name: "n", type: "integer" }]);`,
      `await op.dropTable("counter");`,
    );
    const revisions = [create];
    for (const n of [1, 2, 3]) {
      const r = await p.revision(`count ${n}`);
      writeOps(
        r.path,
        `await op.execute("INSERT INTO counter (n) VALUES (${n})");`,
        `await op.execute("DELETE FROM counter WHERE n = ${n}");`,
      );
      revisions.push(r);
    }

    const [first, second] = await Promise.all([p.cli(["upgrade", "head"]), p.cli(["upgrade", "head"])]);
    assert.equal(first.status, 0, describe(first));
    assert.equal(second.status, 0, describe(second));

    const conn = await p.connection();
    const { rows } = await conn.query<{ n: number | string }>("SELECT n FROM counter ORDER BY n");
    assert.deepEqual(
      rows.map((r) => Number(r.n)),
      [1, 2, 3],
      "each revision ran once",
    );
    assert.deepEqual(await versionRows(conn), [revisions.at(-1)!.id]);
    // Between them, the two processes ran every revision exactly once.
    const ran = (out: string) => out.split("\n").filter((l) => /Running upgrade/.test(l)).length;
    assert.equal(ran(first.stdout) + ran(second.stdout), revisions.length, `${describe(first)}\n${describe(second)}`);
  });
}

/*
 * PGlite as a first-class target: a `pglite:///relative/dir` URL in a project's config
 * (resolved against the config's folder), migrations and `current` through the bin, the data
 * kept in the directory between runs, and a PGlite instance adopted by the programmatic API.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { command } from "autogen";
import { describe, runCli } from "./helpers/cli-process";
import {
  ADD_LAST_TRANSACTION_DATE,
  CREATE_ACCOUNT,
  DROP_ACCOUNT,
  DROP_LAST_TRANSACTION_DATE,
  writeOps,
} from "./helpers/project";
import { tempDir } from "@autogen/dialects/testing";

test("pglite: a project on a PGlite data directory upgrades, keeps its data, and is adopted by the API", async (t) => {
  const dir = tempDir("pglite");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const env = { DATABASE_URL: "pglite:///pgdata" };
  const cli = (args: string[]) => runCli(args, { cwd: dir, env });
  const ok = async (args: string[]) => {
    const r = await cli(args);
    assert.equal(r.status, 0, `autogen ${args.join(" ")}: ${describe(r)}`);
    return r;
  };
  await ok(["init", "migrations"]);
  const revision = async (m: string) => /Generating (\S+\.ts)/.exec((await ok(["revision", "-m", m])).stdout)![1]!;
  const first = await revision("create account");
  writeOps(first, CREATE_ACCOUNT, DROP_ACCOUNT);
  const second = await revision("add a column");
  writeOps(second, ADD_LAST_TRANSACTION_DATE, DROP_LAST_TRANSACTION_DATE);

  const up = await ok(["upgrade", "head"]);
  assert.match(up.stdout, /Running upgrade .* add a column/);
  // Relative to the config's folder, whatever the working directory.
  assert.ok(fs.existsSync(path.join(dir, "pgdata", "PG_VERSION")));
  const secondId = /export const revision = "(\w+)"/.exec(fs.readFileSync(second, "utf8"))![1]!;
  assert.deepEqual((await ok(["current"])).stdout.trim().split("\n"), [`${secondId} (head)`]);

  // A PGlite instance the application opened, adopted as the connection (and left open).
  const { PGlite } = require("@electric-sql/pglite") as typeof import("@electric-sql/pglite");
  const db = new PGlite({ dataDir: path.join(dir, "pgdata") });
  try {
    const config = { scriptLocation: path.join(dir, "migrations") };
    await command.downgrade(config, "-1", { connection: db });
    assert.deepEqual(await command.current(config, { connection: db }), [
      /export const revision = "(\w+)"/.exec(fs.readFileSync(first, "utf8"))![1]!,
    ]);
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'account'",
    );
    assert.equal(rows[0]?.n, 3);
  } finally {
    await db.close();
  }
});

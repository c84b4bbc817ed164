/*
 * Rename candidates through the `autogen` bin, on each database: `--rename` hints on check and
 * revision, a hint that matches nothing or does not parse (exit 2, nothing written), and the
 * y/N question on a terminal, driven through a pseudo-terminal (`script`).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { test, type TestContext } from "node:test";
import { dialectsUnderTest, useDatabase, type FreshDatabase } from "@autogen/dialects/testing";
import { assertFailure, describe, hasScript, runOnTerminal } from "./helpers/cli-process";
import { entitiesProject, entitiesSource, generatedRevision, type Project, writeEntities } from "./helpers/project";
import { insertRows, selectRows } from "./helpers/change-scenario";

const entities = (column: string) =>
  entitiesSource({ Account: { table: "account", columns: { [column]: { length: 50 } } } });

/** A project whose model has account.fullname, applied, with one row; then the model says account.name. */
async function renamedProject(t: TestContext, db: FreshDatabase): Promise<Project> {
  const p = await entitiesProject(t, db, entities("fullname"), "Account");
  await p.ok(["revision", "--autogenerate", "-m", "v1"]);
  await p.ok(["upgrade", "head"]);
  await insertRows(await p.connection(), { account: [{ id: 1, fullname: "Ada" }] });
  writeEntities(p, entities("name"));
  return p;
}

const revisionFiles = (p: Project) => fs.readdirSync(p.versionsDir).filter((f) => f.endsWith(".ts"));

/** `autogen ...args` on a pseudo-terminal (stdin and stderr are terminals), `input` typed into it. */
function onTerminal(p: Project, args: readonly string[], input: string) {
  const r = runOnTerminal(args, { cwd: p.dir, env: p.env, input });
  return { status: r.status, output: r.output.replaceAll("\r", "") };
}

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: --rename on check and revision; a hint that matches nothing is exit 2`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await renamedProject(t, db);

    const unresolved = await p.cli(["check"]);
    assert.equal(unresolved.status, 1, describe(unresolved));
    assert.match(unresolved.stdout, /op\.dropColumn\(\s*"account",\s*"fullname"/);
    // The drop's data-loss risk names the candidate and the hint that keeps the data.
    assert.ok(
      unresolved.errorLines.some(
        (l) =>
          l.startsWith("WARNING: risk data-loss: drops column account.fullname") &&
          l.includes("unresolved rename candidate") &&
          l.includes("--rename account.fullname=name"),
      ),
      describe(unresolved),
    );

    const hinted = await p.cli(["check", "--rename", "account.fullname=name"]);
    assert.equal(hinted.status, 1, describe(hinted));
    assert.match(hinted.stdout, /op\.alterColumn\("account", "fullname", \{ newName: "name"/);
    assert.doesNotMatch(hinted.stdout, /dropColumn/);
    assert.ok(!hinted.errorLines.some((l) => l.includes("data-loss")), describe(hinted));

    const before = revisionFiles(p);
    const nothing = await p.cli(["revision", "--autogenerate", "-m", "x", "--rename", "account.nick=name"]);
    assertFailure(nothing, 2, /^FAILED: --rename 'account\.nick=name' matches no rename candidate/);
    const malformed = await p.cli(["revision", "--autogenerate", "-m", "x", "--rename", "account-fullname"]);
    assertFailure(malformed, 2, /^FAILED: Invalid --rename 'account-fullname': no '='/);
    const checkNothing = await p.cli(["check", "--rename", "table:nope=name"]);
    assertFailure(checkNothing, 2, /^FAILED: --rename 'table:nope=name' matches no rename candidate/);
    const fleet = await p.cli(["check", "--each", "--rename", "account.fullname=name"]);
    assertFailure(fleet, 2, /^FAILED: --rename cannot be combined with --each$/);
    assert.deepEqual(revisionFiles(p), before, "nothing written");

    const file = generatedRevision(
      await p.ok(["revision", "--autogenerate", "-m", "rename", "--rename", "account.fullname=name"]),
    );
    assert.match(fs.readFileSync(file.path, "utf8"), /newName: "name"/);
    await p.ok(["upgrade", "head"]);
    assert.deepEqual(await selectRows(await p.connection(), "account", ["id", "name"]), [{ id: 1, name: "Ada" }]);
    const clean = await p.cli(["check"]);
    assert.equal(clean.status, 0, describe(clean));
  });

  test(`${dialect}: the y/N question on a terminal (default No)`, { skip: !hasScript && "no `script`" }, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await renamedProject(t, db);
    const question = /Rename candidate: is column fullname of account renamed to name\? .*\[y\/N\]/;

    const no = onTerminal(p, ["revision", "--autogenerate", "-m", "no"], "\n");
    assert.equal(no.status, 0, no.output);
    assert.match(no.output, question);
    const noFile = /Generating (\S+\.ts)/.exec(no.output)?.[1];
    assert.ok(noFile, no.output);
    // SQLite renders table changes in a batch block: batch.dropColumn("fullname").
    assert.match(fs.readFileSync(noFile, "utf8"), /(op\.dropColumn\(\s*"account",|batch\.dropColumn\()\s*"fullname"/);
    fs.rmSync(noFile);

    const yes = onTerminal(p, ["revision", "--autogenerate", "-m", "yes"], "y\n");
    assert.equal(yes.status, 0, yes.output);
    assert.match(yes.output, question);
    const yesFile = /Generating (\S+\.ts)/.exec(yes.output)?.[1];
    assert.ok(yesFile, yes.output);
    const text = fs.readFileSync(yesFile, "utf8");
    assert.match(text, /(op\.alterColumn\("account",|batch\.alterColumn\()\s*"fullname", \{ newName: "name"/);
    assert.doesNotMatch(text.slice(0, text.indexOf("downgrade(")), /dropColumn/);
    await p.ok(["upgrade", "head"]);
    assert.deepEqual(await selectRows(await p.connection(), "account", ["id", "name"]), [{ id: 1, name: "Ada" }]);

    // Not a terminal (the test's own pipes): no question, the candidate stays a drop plus an add.
    writeEntities(p, entities("title"));
    const piped = await p.cli(["check"]);
    assert.equal(piped.status, 1, describe(piped));
    assert.doesNotMatch(piped.stderr, /\[y\/N\]/);
  });
}

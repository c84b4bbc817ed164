/**
 * `autogen lint` through the bin on each database: a project whose second revision (written by
 * `revision --autogenerate`) drops a column. Lint reads the revision files without running them
 * on the database: exit 1 while the risk comment above the op is not acknowledged, 0 once it is;
 * each format is checked (text, JSON parsed, Markdown against a golden file per dialect, GitHub
 * annotations with the file and the op's exact line). `check --format json` is parsed too.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { describe, ROOT } from "./helpers/cli-process";
import { createProject, entitiesProject, entitiesSource, generatedRevision, writeEntities } from "./helpers/project";

const entities = (withPw: boolean) =>
  entitiesSource({
    User: {
      table: "users",
      columns: { name: { length: 100 }, ...(withPw ? { pw: { length: 50, nullable: true } } : {}) },
    },
  });

/** The risks lint must find in the second revision (the drop), by dialect. */
const DROP_RISKS: Record<string, string[]> = {
  postgres: ["data-loss"],
  mysql: ["data-loss"],
  sqlite: ["data-loss", "table-rewrite"],
};

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: lint fails on an unacknowledged drop, in every format, and passes once it is acknowledged`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await entitiesProject(t, db, entities(true), "User");
    await p.ok(["revision", "--autogenerate", "-m", "users", "--rev-id", "aaaaaaaaaaa1"]);
    await p.ok(["upgrade", "head"]);
    writeEntities(p, entities(false));

    // check --format json: stdout is the document, with the risks of the pending drop.
    const checked = await p.cli(["check", "--format", "json"]);
    assert.equal(checked.status, 1, describe(checked));
    const report = JSON.parse(checked.stdout) as { upToDate: boolean; risks: { code: string; message: string }[] };
    assert.equal(report.upToDate, false);
    assert.deepEqual(
      report.risks.map((r) => r.code),
      DROP_RISKS[dialect],
    );
    assert.equal(report.risks[0]!.message, "drops column users.pw and its values");

    const made = await p.ok(["revision", "--autogenerate", "-m", "drop pw", "--rev-id", "bbbbbbbbbbb2"]);
    // stderr: Alembic's Detected line, then one line per risk.
    assert.deepEqual(
      made.errorLines.filter((l) => !/^WARNING: risk (?!data-loss)/.test(l)),
      ["INFO  Detected removed column 'users.pw'", "WARNING: risk data-loss: drops column users.pw and its values"],
      describe(made),
    );
    const second = generatedRevision(made);
    const rel = path.relative(p.dir, second.path).split(path.sep).join("/");
    const source = fs.readFileSync(second.path, "utf8").split("\n");
    const dropLine = source.findIndex((l) => /await (op|batch)\.dropColumn\(/.test(l)) + 1;
    assert.match(source[dropLine - 2]!, /^\s*\/\/ risk /, "the risk comment is right above the drop");

    // Text: the database is reachable and has not applied the drop, so only it is linted.
    const text = await p.cli(["lint"]);
    assert.equal(text.status, 1, describe(text));
    assert.ok(
      text.stdout
        .split("\n")
        .includes(`${rel}:${dropLine}: risk data-loss: drops column users.pw and its values [bbbbbbbbbbb2]`),
      describe(text),
    );
    assert.match(
      text.stdout,
      new RegExp(
        `^${DROP_RISKS[dialect]!.length} risk\\(s\\) in 1 revision\\(s\\) \\(${dialect}\\), ${DROP_RISKS[dialect]!.length} not acknowledged$`,
        "m",
      ),
    );
    assert.match(
      text.errorLines.at(-1)!,
      new RegExp(`^FAILED: lint: \\d risk\\(s\\) not acknowledged, the first data-loss at ${rel}:${dropLine} `),
    );

    // JSON, parsed.
    const json = await p.cli(["lint", "--format", "json"]);
    assert.equal(json.status, 1, describe(json));
    const result = JSON.parse(json.stdout) as {
      ok: boolean;
      dialect: string;
      selection: string;
      revisions: string[];
      findings: { revision: string; file: string; line: number; op: string; code: string; acknowledged: boolean }[];
    };
    assert.equal(result.ok, false);
    assert.equal(result.dialect, dialect);
    assert.equal(result.selection, "unapplied");
    assert.deepEqual(result.revisions, ["bbbbbbbbbbb2"]);
    assert.deepEqual(
      result.findings.map((f) => [f.revision, f.file, f.line, f.op, f.code, f.acknowledged]),
      DROP_RISKS[dialect]!.map((code) => ["bbbbbbbbbbb2", second.path, dropLine, "DropColumnOp users.pw", code, false]),
    );

    // GitHub annotations: an error per unacknowledged risk, at the file and line of the op.
    const github = await p.cli(["lint", "--format", "github"]);
    assert.equal(github.status, 1, describe(github));
    const annotations = github.stdout.trim().split("\n");
    assert.equal(annotations.length, DROP_RISKS[dialect]!.length);
    assert.ok(
      annotations[0]!.startsWith(
        `::error file=${rel},line=${dropLine},title=autogen risk data-loss::drops column users.pw and its values (revision bbbbbbbbbbb2); to acknowledge it,`,
      ),
      annotations[0],
    );

    // Markdown: the pull-request comment, against a golden file.
    const markdown = await p.cli(["lint", "--format", "markdown"]);
    assert.equal(markdown.status, 1, describe(markdown));
    const golden = path.join(ROOT, "test", "golden", `lint-markdown.${dialect}.md`);
    if (process.env.AUTOGEN_UPDATE_GOLDEN === "1") fs.writeFileSync(golden, markdown.stdout);
    assert.equal(markdown.stdout, fs.readFileSync(golden, "utf8"));

    // A reviewer acknowledges each risk in the file: lint passes.
    fs.writeFileSync(
      second.path,
      source.map((l) => l.replace(/\/\/ risk ([a-z-]+):/, "// risk $1 (acknowledged):")).join("\n"),
    );
    const acknowledged = await p.cli(["lint"]);
    assert.equal(acknowledged.status, 0, describe(acknowledged));
    assert.match(acknowledged.stdout, new RegExp(`^${rel}:${dropLine}: risk data-loss \\(acknowledged\\): `, "m"));
    assert.match(acknowledged.stdout, /, all acknowledged$/m);
    const acknowledgedGithub = await p.cli(["lint", "--format", "github"]);
    assert.equal(acknowledgedGithub.status, 0, describe(acknowledgedGithub));
    assert.match(
      acknowledgedGithub.stdout,
      new RegExp(`^::warning file=${rel},line=${dropLine},title=autogen risk data-loss \\(acknowledged\\)::`),
    );

    // Once applied, nothing is left to lint by default; a range lints what it names.
    await p.ok(["upgrade", "head"]);
    const none = JSON.parse((await p.ok(["lint", "--format", "json"])).stdout) as typeof result;
    assert.deepEqual([none.selection, none.revisions, none.findings], ["unapplied", [], []]);
    const ranged = JSON.parse((await p.ok(["lint", "aaaaaaaaaaa1:head", "--format", "json"])).stdout) as typeof result;
    assert.deepEqual([ranged.selection, ranged.revisions], ["range", ["bbbbbbbbbbb2"]]);
  });
}

test("lint without a reachable database lints every revision; an unacknowledged risk fails it", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const p = await createProject(t, db, { hooks: false });
  const first = await p.revision("users");
  const body = (ops: string) => (text: string) =>
    text.replace(/(export async function upgrade\(op: Operations\): Promise<void> \{\n)[\s\S]*?\n\}/, `$1${ops}\n}`);
  const edit = (file: string, f: (s: string) => string) => fs.writeFileSync(file, f(fs.readFileSync(file, "utf8")));
  edit(first.path, body(`  await op.createTable("users", [{ name: "id", type: "integer", primaryKey: true }]);`));
  const second = await p.revision("drop users");
  // Hand-written, without the table's definition: its downgrade cannot recreate it either.
  edit(second.path, body(`  // risk data-loss (acknowledged): the table is obsolete\n  await op.dropTable("users");`));
  const dropLine =
    fs
      .readFileSync(second.path, "utf8")
      .split("\n")
      .findIndex((l) => l.includes("op.dropTable(")) + 1;
  const unreachable = { DATABASE_URL: `sqlite:///${path.join(p.dir, "no-such-dir", "db.sqlite")}` };
  const r = await p.cli(["lint", "--format", "json"], { env: unreachable });
  assert.equal(r.status, 1, describe(r));
  const result = JSON.parse(r.stdout) as {
    selection: string;
    revisions: string[];
    findings: { code: string; acknowledged: boolean; line: number }[];
  };
  assert.equal(result.selection, "all");
  assert.deepEqual(result.revisions, [first.id, second.id]);
  assert.deepEqual(
    result.findings.map((f) => [f.code, f.acknowledged, f.line]),
    [
      ["data-loss", true, dropLine],
      ["irreversible-downgrade", false, dropLine],
    ],
  );
  assert.match(r.errorLines[0]!, /^The database cannot be reached \(.*\): linting every revision$/);
});

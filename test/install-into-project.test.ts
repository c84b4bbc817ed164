/*
 * README "Install into your project", done as a user would: `npm run pack`'s tarball installed
 * with npm into a fresh project outside the repository, with typeorm 1.x, reflect-metadata and
 * better-sqlite3 and no other driver; then `autogen init`, `revision --autogenerate` and
 * `upgrade head` through the installed bin, the config and a decorated entity
 * being TypeScript compiled by the installed package's swc loader. Then the same project on
 * TypeORM 0.3, and the one-line errors for a driver that is missing or not built.
 *
 * To stay fast and offline-capable, npm reuses its cache (--prefer-offline, the versions this
 * repository has installed) and better-sqlite3 is linked from the repository's node_modules, whose
 * native module is already built; --ignore-scripts keeps npm from rebuilding it there.
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, type TestContext, test } from "node:test";
import { promisify } from "node:util";
import { connect } from "@autogen/dialects";
import { type CliResult, describe, ROOT, runCli } from "./helpers/cli-process";
import { generatedRevision, versionRows } from "./helpers/project";

const execFileAsync = promisify(execFile);

const ENTITY = `import "reflect-metadata";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class Account {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 80 })
  name!: string;

  @Column({ nullable: true })
  balance?: number;
}
`;

/** The version of a package installed in the repository, so npm finds it in its cache. */
function installedVersion(dir: string): string {
  return (
    JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", dir, "package.json"), "utf8")) as { version: string }
  ).version;
}

/** A temp folder outside the repository, so that nothing in it resolves the repository's node_modules. */
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const rel = path.relative(ROOT, dir);
  assert.ok(rel.startsWith("..") || path.isAbsolute(rel), `${dir} is inside the repository`);
  return dir;
}

/** npm as a user runs it: without the npm_* variables of the `npm test` running this file. */
async function npm(args: readonly string[], cwd: string): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const { stdout } = await execFileAsync("npm", [...args], { cwd, env, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** From npm's cache when it has the package; no install scripts (see the top of the file). */
const NPM_FLAGS = ["--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"];

let tarball: string;
const packed = tempDir("autogen-packed-");
after(() => fs.rmSync(packed, { recursive: true, force: true }));
before(async () => {
  const { stdout } = await execFileAsync(process.execPath, [path.join(ROOT, "scripts", "pack.js"), packed]);
  tarball = stdout.trim();
  assert.match(path.basename(tarball), /^autogen-\d+\.\d+\.\d+\.tgz$/);
});

/** A fresh project with the tarball, `typeorm`, reflect-metadata and better-sqlite3 installed. */
async function installedProject(t: TestContext, typeorm: string) {
  const dir = tempDir("autogen-installed-");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "shop", private: true }));
  await npm(
    [
      "install",
      ...NPM_FLAGS,
      tarball,
      `typeorm@${typeorm}`,
      `reflect-metadata@${installedVersion("reflect-metadata")}`,
      fs.realpathSync(path.join(ROOT, "node_modules", "better-sqlite3")),
    ],
    dir,
  );
  const bin = path.join(dir, "node_modules", ".bin", "autogen");
  const cli = (args: readonly string[], env: Record<string, string> = {}) => runCli(args, { cwd: dir, bin, env });
  const ok = async (args: readonly string[]): Promise<CliResult> => {
    const r = await cli(args);
    assert.equal(r.status, 0, `autogen ${args.join(" ")}: ${describe(r)}`);
    return r;
  };
  return { dir, cli, ok };
}

test("the packed tarball installs into a fresh project and migrates a TypeScript entity to SQLite", async (t) => {
  const typeorm1 = installedVersion("typeorm");
  const { dir, cli, ok } = await installedProject(t, typeorm1);
  // The installed package is the one that runs, with nothing resolved from the repository.
  const deps = await topLevelVersions(dir);
  assert.equal(deps["typeorm"], typeorm1);
  assert.equal(deps["autogen"], installedVersion("autogen"));
  assert.ok(!fs.existsSync(path.join(dir, "node_modules", "pg")), "no driver is installed unasked");

  await ok(["init", "migrations"]);
  fs.mkdirSync(path.join(dir, "src"));
  const entityFile = path.join(dir, "src", "account.ts");
  fs.writeFileSync(entityFile, ENTITY);
  const configFile = path.join(dir, "autogen.config.ts");
  const config = fs.readFileSync(configFile, "utf8");
  assert.match(config, /\/\/ entities: \[Account\],/, "the generated config shows where entities go");
  fs.writeFileSync(
    configFile,
    `import { Account } from "./src/account";\n` + config.replace("// entities: [Account],", "entities: [Account],"),
  );

  const first = generatedRevision(await ok(["revision", "--autogenerate", "-m", "create account"]));
  // The primary key is the one-line table option, as on every database.
  const written = fs.readFileSync(first.path, "utf8");
  assert.match(written, /await op\.createTable\(\s*"account",\s*\[/);
  assert.match(written, /primaryKey: \{ columns: \["id"\] \}/);
  await ok(["upgrade", "head"]);
  assert.deepEqual(await accountTable(dir), {
    columns: [
      { name: "id", type: "INTEGER", notnull: 1, pk: 1 },
      { name: "name", type: "varchar(80)", notnull: 1, pk: 0 },
      { name: "balance", type: "INTEGER", notnull: 0, pk: 0 },
    ],
    versions: [first.id],
  });
  assert.match((await ok(["check"])).stdout, /No new upgrade operations detected\./);

  // A URL whose driver the project did not install: one line naming the package, exit 2.
  for (const [url, driver] of [
    ["postgres://postgres@127.0.0.1:5432/test", "pg"],
    ["mysql://root@127.0.0.1:3306/test", "mysql2"],
  ] as const) {
    const r = await cli(["current"], { DATABASE_URL: url });
    assert.equal(r.status, 2, describe(r));
    assert.deepEqual(r.errorLines, [`FAILED: The ${driver} driver is not installed: run npm install ${driver}`]);
  }

  // The same project moved to TypeORM 0.3, which the peer range accepts: the schema made under
  // 1.x shows no difference, and a new column is the only change autogenerate finds.
  const typeorm03 = installedVersion("typeorm03");
  await npm(["install", ...NPM_FLAGS, `typeorm@${typeorm03}`], dir);
  assert.equal((await topLevelVersions(dir))["typeorm"], typeorm03);
  assert.match((await ok(["check"])).stdout, /No new upgrade operations detected\./);
  fs.writeFileSync(
    entityFile,
    ENTITY.replace("  balance?: number;\n", "  balance?: number;\n\n  @Column({ nullable: true })\n  note?: string;\n"),
  );
  const second = generatedRevision(await ok(["revision", "--autogenerate", "-m", "add note"]));
  assert.match(
    fs.readFileSync(second.path, "utf8"),
    /upgrade\(op: Operations\): Promise<void> \{\n.*\n  await op\.batchAlterTable\("account", async \(batch\) => \{\n    await batch\.addColumn\(\{ name: "note", type: "varchar", nullable: true \}\);\n  \}\);\n  \/\/ ### end/,
  );
  await ok(["upgrade", "head"]);
  const after03 = await accountTable(dir);
  assert.deepEqual(after03.columns.at(-1), { name: "note", type: "varchar", notnull: 0, pk: 0 });
  assert.deepEqual(after03.versions, [second.id]);
  assert.match((await ok(["check"])).stdout, /No new upgrade operations detected\./);

  // better-sqlite3 from the registry as npm installs it when its install script may not run:
  // no native module. Then one that does not load. Either is one line naming the fix, exit 2.
  await npm(["install", ...NPM_FLAGS, `better-sqlite3@${installedVersion("better-sqlite3")}`], dir);
  const unbuilt =
    "FAILED: The better-sqlite3 driver is installed but its native module is missing or built for another Node.js: run npm rebuild better-sqlite3";
  const notBuilt = await cli(["current"]);
  assert.equal(notBuilt.status, 2, describe(notBuilt));
  assert.deepEqual(notBuilt.errorLines, [unbuilt]);
  const addon = path.join(dir, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node");
  fs.mkdirSync(path.dirname(addon), { recursive: true });
  fs.writeFileSync(addon, "not a shared object");
  const unloadable = await cli(["current"]);
  assert.equal(unloadable.status, 2, describe(unloadable));
  assert.deepEqual(unloadable.errorLines, [unbuilt]);
});

/** The versions of the project's top-level packages, as npm reports them. */
async function topLevelVersions(dir: string): Promise<Record<string, string>> {
  const listed = JSON.parse(await npm(["ls", "--json", "--depth=0"], dir)) as {
    dependencies: Record<string, { version: string }>;
  };
  return Object.fromEntries(Object.entries(listed.dependencies).map(([name, d]) => [name, d.version]));
}

/** The account table's columns and the version table's rows in the project's app.db. */
async function accountTable(dir: string) {
  const conn = await connect(`sqlite:///${path.join(dir, "app.db")}`);
  try {
    const columns = await conn.query<{ name: string; type: string; notnull: number; pk: number }>(
      `SELECT name, type, "notnull", pk FROM pragma_table_info('account') ORDER BY cid`,
    );
    return { columns: columns.rows, versions: await versionRows(conn) };
  } finally {
    await conn.close();
  }
}

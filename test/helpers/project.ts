/* A user's project in a temp folder: `autogen init`, revision files, the database behind it. */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TestContext } from "node:test";
import type { Connection } from "@autogen/dialects";
import type { FreshDatabase } from "@autogen/dialects/testing";
import { type CliResult, describe, ROOT, runCli } from "./cli-process";
import { tempDir } from "@autogen/dialects/testing";

/** A project folder created with `autogen init migrations`, its config reading DATABASE_URL. */
export interface Project {
  readonly dir: string;
  readonly versionsDir: string;
  readonly db: FreshDatabase;
  readonly env: Record<string, string>;
  /** The ids of the `autogen` processes `cli` and `ok` ran, in order. */
  readonly pids: number[];
  /** Runs `autogen ...args` in the project folder. */
  cli(args: readonly string[], o?: { env?: Record<string, string | undefined> }): Promise<CliResult>;
  /** Runs `autogen ...args` and asserts exit 0. */
  ok(args: readonly string[]): Promise<CliResult>;
  /** `autogen revision -m message ...flags`, then the new file's id and path. */
  revision(message: string, flags?: readonly string[]): Promise<RevisionFile>;
  /** Revisions written by hand, one after the other: `[message, upgrade code, downgrade code]` each. */
  handWritten(...revisions: readonly HandWritten[]): Promise<RevisionFile[]>;
  /** A session on the project's database, closed after the test. */
  connection(): Promise<Connection>;
}

/**
 * Points the project's generated config at the entities its `./entities` module exports: imports
 * `names` and replaces the template's commented `entities` line by `setting`.
 */
export function useEntitiesModule(p: Project, names: string, setting = `entities: [${names}],`): void {
  const configFile = path.join(p.dir, "autogen.config.ts");
  const config = fs.readFileSync(configFile, "utf8");
  assert.match(config, /\/\/ entities: \[Account\],/, "the template shows where entities go");
  fs.writeFileSync(
    configFile,
    config
      .replace(
        `import { defineConfig } from "autogen";`,
        `import { defineConfig } from "autogen";\nimport { ${names} } from "./entities";`,
      )
      .replace("// entities: [Account],", setting),
  );
}

export interface RevisionFile {
  readonly id: string;
  readonly path: string;
}

/** A revision written by hand: its message, then the bodies of upgrade() and downgrade(). */
export type HandWritten = readonly [message: string, upgrade: string, downgrade: string];

/** Project folders that must resolve the repository's node_modules (entities importing typeorm). */
const IN_REPO_PARENT = path.join(ROOT, "test", "fixtures-tmp");

/** A fresh temp folder for a project, removed after the test; with `inRepo`, under IN_REPO_PARENT. */
function projectDir(t: TestContext, prefix: string, inRepo = false): string {
  if (inRepo) fs.mkdirSync(IN_REPO_PARENT, { recursive: true });
  const dir = tempDir(prefix, inRepo ? IN_REPO_PARENT : os.tmpdir());
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A project written by hand inside the repository (its files find typeorm): its autogen.config.ts,
 * its entities.ts and an empty migrations/versions. `ok` runs the bin there with DATABASE_URL set and
 * asserts exit 0.
 */
export function handMadeProject(t: TestContext, db: FreshDatabase, prefix: string, config: string, entities: string) {
  const dir = projectDir(t, prefix, true);
  fs.mkdirSync(path.join(dir, "migrations", "versions"), { recursive: true });
  fs.writeFileSync(path.join(dir, "autogen.config.ts"), config);
  fs.writeFileSync(path.join(dir, "entities.ts"), entities);
  const env = { DATABASE_URL: db.url };
  const ok = async (...args: string[]) => {
    const r = await runCli(args, { cwd: dir, env });
    assert.equal(r.status, 0, `autogen ${args.join(" ")}: ${describe(r)}`);
    return r;
  };
  return { dir, env, ok };
}

/**
 * Creates a project in a fresh temp folder with `autogen init migrations` (the generic
 * template). `postWriteHooks` is left as generated (prettier) unless `hooks: false`. With
 * `inRepo`, the folder is under test/fixtures-tmp/, so that its entity files find typeorm.
 */
export async function createProject(
  t: TestContext,
  db: FreshDatabase,
  o: { hooks?: boolean; inRepo?: boolean } = {},
): Promise<Project> {
  const dir = projectDir(t, "e2e", o.inRepo);
  const env = { DATABASE_URL: db.url };
  const pids: number[] = [];
  const cli = async (args: readonly string[], c: { env?: Record<string, string | undefined> } = {}) => {
    const r = await runCli(args, { cwd: dir, env: { ...env, ...c.env } });
    if (r.pid !== undefined) pids.push(r.pid);
    return r;
  };
  const ok = async (args: readonly string[]) => {
    const r = await cli(args);
    assert.equal(r.status, 0, `autogen ${args.join(" ")}: ${describe(r)}`);
    return r;
  };
  await ok(["init", "migrations"]);
  if (o.hooks === false) {
    const file = path.join(dir, "autogen.config.ts");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/postWriteHooks: \[[^\]]*\]/, "postWriteHooks: []"));
  }
  let conn: Connection | undefined;
  return {
    dir,
    versionsDir: path.join(dir, "migrations", "versions"),
    db,
    env,
    pids,
    cli,
    ok,
    async revision(message, flags = []) {
      const r = await ok(["revision", "-m", message, ...flags]);
      return generatedRevision(r);
    },
    async handWritten(...revisions) {
      const files: RevisionFile[] = [];
      for (const [message, upgrade, downgrade] of revisions) {
        const file = generatedRevision(await ok(["revision", "-m", message]));
        writeOps(file.path, upgrade, downgrade);
        files.push(file);
      }
      return files;
    },
    async connection() {
      conn ??= await db.connect();
      return conn;
    },
  };
}

/** The revision file a `revision`/`merge` run reported (`Generating <path> ...  done`). */
export function generatedRevision(r: CliResult): RevisionFile {
  const m = /Generating (\S+\.ts) \.\.\.\s+done/.exec(r.stdout);
  assert.ok(m, `no 'Generating ...' line in: ${describe(r)}`);
  const file = m[1]!;
  const id = /export const revision = "([0-9a-z_]+)"/.exec(fs.readFileSync(file, "utf8"))?.[1];
  assert.ok(id, `no revision id in ${file}`);
  return { id, path: file };
}

/** Replaces the bodies of a revision file's upgrade() and downgrade() with hand-written code. */
export function writeOps(file: string, upgrade: string, downgrade: string): void {
  const text = fs.readFileSync(file, "utf8");
  const body = (name: string, code: string) => (src: string) => {
    const re = new RegExp(
      `(export async function ${name}\\(op: Operations\\): Promise<void> \\{\\n)[\\s\\S]*?(\\n\\}\\n)`,
    );
    assert.match(src, re, `${file} has no ${name}() to fill in`);
    return src.replace(re, (_m, open: string, close: string) => `${open}  ${code}${close}`);
  };
  fs.writeFileSync(file, body("downgrade", downgrade)(body("upgrade", upgrade)(text)));
}

/** The rows of the version table, sorted; null when it does not exist. */
export async function versionRows(conn: Connection, table = "autogen_version"): Promise<string[] | null> {
  try {
    const r = await conn.query<{ version_num: string }>(`SELECT version_num FROM ${table}`);
    return r.rows.map((row) => row.version_num).sort();
  } catch {
    return null;
  }
}

/** Whether a table (and optionally a column of it) exists: a query that reads no rows tells. */
export async function exists(conn: Connection, table: string, column = "*"): Promise<boolean> {
  try {
    await conn.query(`SELECT ${column} FROM ${table} WHERE 1 = 0`);
    return true;
  } catch {
    return false;
  }
}

/** The `account` table of Alembic's tutorial, and its second revision's column. */
export const CREATE_ACCOUNT = `await op.createTable("account", [
    { name: "id", type: "integer", primaryKey: true },
    { name: "name", type: "varchar(50)", nullable: false },
    { name: "description", type: "varchar(200)" },
  ]);`;
export const DROP_ACCOUNT = `await op.dropTable("account");`;
export const ADD_LAST_TRANSACTION_DATE = `await op.addColumn("account", { name: "last_transaction_date", type: "date" });`;
export const DROP_LAST_TRANSACTION_DATE = `await op.dropColumn("account", "last_transaction_date");`;

/** Alembic's tutorial history: the account table, then a column added to it. */
export const TUTORIAL_HISTORY: readonly HandWritten[] = [
  ["create account table", CREATE_ACCOUNT, DROP_ACCOUNT],
  ["Add a column", ADD_LAST_TRANSACTION_DATE, DROP_LAST_TRANSACTION_DATE],
];

/** A column of a generated entities.ts: a varchar of a length, or an integer; NOT NULL unless said. */
export type SourceColumn = { length: number; nullable?: boolean } | { type: "integer"; nullable?: boolean };

/**
 * The source of a project's entities.ts as a user writes it: per class (the keys), `@Entity(table)`,
 * an integer primary key `id` and the columns in order.
 */
export function entitiesSource(
  classes: Record<string, { table: string; columns: Record<string, SourceColumn> }>,
): string {
  const column = (name: string, c: SourceColumn) => {
    const nullable = c.nullable ? ", nullable: true" : "";
    const [options, type] =
      "length" in c ? [`type: "varchar", length: ${c.length}`, "string"] : [`type: "integer"`, "number"];
    return `\n  @Column({ ${options}${nullable} })\n  ${name}!: ${type}${c.nullable ? " | null" : ""};\n`;
  };
  const body = Object.entries(classes).map(
    ([name, { table, columns }]) =>
      `\n@Entity("${table}")\nexport class ${name} {\n  @PrimaryColumn({ type: "integer" })\n  id!: number;\n` +
      Object.entries(columns)
        .map(([n, c]) => column(n, c))
        .join("") +
      "}\n",
  );
  return `import { Column, Entity, PrimaryColumn } from "typeorm";\n${body.join("")}`;
}

/**
 * A project (no hooks, inside the repository) whose config reads `names` from an entities.ts
 * holding `source`; `setting` replaces the template's entities line (see `useEntitiesModule`).
 */
export async function entitiesProject(
  t: TestContext,
  db: FreshDatabase,
  source: string,
  names: string,
  setting?: string,
): Promise<Project> {
  const p = await createProject(t, db, { hooks: false, inRepo: true });
  writeEntities(p, source);
  useEntitiesModule(p, names, setting);
  return p;
}

/** Writes the project's entities.ts (the models its config imports). */
export function writeEntities(p: Project, source: string): void {
  fs.writeFileSync(path.join(p.dir, "entities.ts"), source);
}

/** An entities.ts module with one decorated entity, `account (id integer PRIMARY KEY, name varchar(50))`. */
export const ACCOUNT_ENTITY = entitiesSource({ Account: { table: "account", columns: { name: { length: 50 } } } });

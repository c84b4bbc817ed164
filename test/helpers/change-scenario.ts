/* The change-scenario suites (SQLite, PostgreSQL, MySQL): one skeleton (runChangeScenarios) over
 * each dialect's data, a script folder with the v1 and v2 configs of one scenario, and rows written
 * and read with the dialect's quoting. */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { type TestContext, test } from "node:test";
import { command, defineConfig } from "autogen";
import type { OpNode } from "@autogen/core";
import { getDialect, type Connection, type DialectName } from "@autogen/dialects";
import { type FreshDatabase, offlineStatements, tempDir, useDatabase } from "@autogen/dialects/testing";

export type Row = Record<string, unknown>;

/** A temp script folder and the configs of the model before and after the change. */
export function scenarioConfigs(t: TestContext, db: FreshDatabase, before: Function[], after: Function[]) {
  const scriptLocation = tempDir(`${db.dialect}-change`);
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  t.after(() => fs.rmSync(scriptLocation, { recursive: true, force: true }));
  const config = (entities: Function[]) => defineConfig({ scriptLocation, url: db.url, entities, postWriteHooks: [] });
  return { scriptLocation, v1: config(before), v2: config(after) };
}

/** `schema.table` or `table`, quoted for the connection's dialect. */
export function qualified(conn: Connection, table: string): string {
  const d = getDialect(conn.dialect);
  return table
    .split(".")
    .map((p) => d.quote(p))
    .join(".");
}

/** Inserts rows, table by table in the given order (parents before children). */
export async function insertRows(conn: Connection, rows: Record<string, Row[]> | [string, Row[]][]): Promise<void> {
  const quote = getDialect(conn.dialect).quote.bind(getDialect(conn.dialect));
  for (const [table, list] of Array.isArray(rows) ? rows : Object.entries(rows)) {
    for (const row of list) {
      const cols = Object.keys(row);
      await conn.query(
        `INSERT INTO ${qualified(conn, table)} (${cols.map(quote).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`,
        cols.map((c) => row[c]),
      );
    }
  }
}

/**
 * The rows of a table, ordered by `orderBy` (default: "id" when selected, else unordered);
 * `select` rewrites a column's select expression (e.g. a PostgreSQL array read as text).
 */
export async function selectRows(
  conn: Connection,
  table: string,
  columns: string[],
  o: { orderBy?: string; select?: (quoted: string, column: string) => string } = {},
): Promise<Row[]> {
  const d = getDialect(conn.dialect);
  const orderBy = o.orderBy ?? (columns.includes("id") ? "id" : undefined);
  const list = columns.map((c) => (o.select ? o.select(d.quote(c), c) : d.quote(c))).join(", ");
  const r = await conn.query(
    `SELECT ${list} FROM ${qualified(conn, table)}${orderBy ? ` ORDER BY ${d.quote(orderBy)}` : ""}`,
  );
  return r.rows.map((row) => ({ ...row }));
}

/** An op as the walker hands it to a suite's formatter: any field readable. */
export type LooseOp = OpNode & Record<string, any>;

/**
 * One `Kind table[.detail]` line per op, in tree order, ModifyTableOps and batch blocks
 * flattened. Columns, alterations (`modify` keys sorted) and indexes have a standard spelling,
 * the same in every suite; `spell` gets it (undefined for other kinds) and returns the line, so a
 * suite spells the rest (constraints, enums) in its own terms or adds detail.
 */
export function summarizeOps(
  ops: readonly OpNode[],
  spell: (op: LooseOp, table: string, standard: string | undefined) => string,
): string[] {
  return ops.flatMap((op): string[] => {
    const o = op as LooseOp;
    if (o.ops) return summarizeOps(o.ops, spell);
    const table: string = o.table?.name ?? "";
    return [spell(o, table, standardSpelling(o, table))];
  });
}

function standardSpelling(o: LooseOp, table: string): string | undefined {
  switch (o.kind) {
    case "AlterColumnOp": {
      const m = o.modify as Record<string, unknown>;
      const parts = Object.keys(m)
        .sort()
        .map((k) => `${k}=${m[k] === null ? "null" : String(m[k])}`);
      return `AlterColumnOp ${table}.${o.column} ${parts.join(" ")}`;
    }
    case "AddColumnOp":
    case "DropColumnOp":
      return `${o.kind} ${table}.${o.column.name}`;
    case "CreateIndexOp":
    case "DropIndexOp":
      return `${o.kind} ${table}.${o.index.name}`;
    default:
      return undefined;
  }
}

/** One change scenario: a model v1 with rows, changed to v2; see `runChangeScenarios`. */
export interface ChangeScenario {
  name: string;
  before: Function[];
  after: Function[];
  /** SQL run after v1 is applied: a hand-made state the model does not describe (v1 is then not compared). */
  setup?: string[];
  /** Rows to insert after v1 is applied, table by table in order (parents first). */
  rows: Record<string, Row[]> | [string, Row[]][];
  /** Extra setup once the rows are in, before the v2 autogenerate. */
  prepare?: (conn: Connection) => Promise<void>;
  /** The ops the v2 autogenerate must produce, as the suite's `summarize` spells them. */
  ops: string[];
  /** Text (or patterns) the rendered v2 revision must contain: warnings, autocommit blocks. */
  rendered?: (string | RegExp)[];
  /** Exactly the statements of the offline v1 → v2 step, version-table statements left out. */
  sql?: string[];
  /** Text the offline SQL of the v1 → v2 step must contain. */
  sqlContains?: string[];
  /** The rows expected after the upgrade: table → columns selected and the rows. */
  expect: Record<string, { columns: string[]; rows: Row[] }>;
  /** Extra checks on the upgraded database. */
  verify?: (conn: Connection) => Promise<void>;
  /** What the v2 revision file must hold, instead of the suite's `checkRevision`. */
  checkRevision?(text: string): void;
}

/** What one dialect's change suite decides; the steps are `runChangeScenarios`'. */
export interface ChangeSuite {
  dialect: DialectName;
  /** The ops as `Kind table[.detail]` lines. */
  summarize(ops: readonly OpNode[]): string[];
  /** Ops compared as a set (sorted on both sides) instead of in tree order. */
  unordered?: boolean;
  /** Opens the connection rows are written and read with (default: the test database's). */
  connect?(db: FreshDatabase): Promise<Connection>;
  /** Rewrites a column's select expression (e.g. an array read as text). */
  select?: (quoted: string, column: string) => string;
  /** Rows are ordered by the first selected column (default: by `id` when selected). */
  orderByFirstColumn?: boolean;
  /** What every v2 revision file of the dialect must hold. */
  checkRevision?(text: string): void;
  /** Statements of an offline step as `sql` compares them (e.g. generated names masked). */
  normalizeSql?(statement: string): string;
  /** Checks on every upgraded database (e.g. no dangling references). */
  afterUpgrade?(conn: Connection): Promise<void>;
  /**
   * When set, each scenario's upgrade and downgrade also run as their `--sql` scripts on a copy
   * of the database taken just before, and must give the schema and rows the online run gives.
   */
  offline?: OfflineReplay;
}

/** How a suite runs an offline script on a copy of its database (SQLite: the sqlite3 CLI on a copied file). */
export interface OfflineReplay {
  /** A copy of the test database as it is now, removed after the test; `what` names it. */
  copy(t: TestContext, db: FreshDatabase, what: string): string;
  /** Runs the script on the copy, as a user would; fails the test on any error. */
  run(copy: string, sql: string): Promise<void>;
  /** The schema, one line per object (of the copy, or of the online database). */
  schema(db: Connection | string): Promise<string[]>;
  /** Every row of a table, in a fixed order. */
  rows(db: Connection | string, table: string): Promise<Row[]>;
}

/**
 * One test per scenario: autogenerate and apply v1, insert the rows, autogenerate v2 (its ops,
 * file and offline SQL as the scenario says), upgrade, compare the rows, check v2 is in sync,
 * downgrade -1, and check the rows are still there and the database is v1's again. With the
 * suite's `offline`, the upgrade and the downgrade also run as `--sql` scripts on copies.
 */
export function runChangeScenarios(suite: ChangeSuite, scenarios: readonly ChangeScenario[]): void {
  const order = (lines: readonly string[]) => (suite.unordered ? [...lines].sort() : [...lines]);
  for (const s of scenarios) {
    test(`${suite.dialect} change: ${s.name}`, async (t) => {
      const db = await useDatabase(t, suite.dialect);
      if (!db) return;
      const { v1, v2 } = scenarioConfigs(t, db, s.before, s.after);
      const summary = (ops: readonly OpNode[]) => JSON.stringify(suite.summarize(ops));

      const v1File = await command.revision(v1, { message: "v1", autogenerate: true });
      assert.ok(v1File);
      const v1Rev = /export const revision = "(\w+)"/.exec(fs.readFileSync(v1File, "utf8"))?.[1];
      await command.upgrade(v1, "head");
      const before = await command.check(v1);
      assert.equal(before.upToDate, true, `v1 is in sync before the change: ${summary(before.ops.upgradeOps.ops)}`);
      const conn = suite.connect ? await suite.connect(db) : await db.connect();
      t.after(() => conn.close());
      for (const sql of s.setup ?? []) await conn.query(sql);
      await insertRows(conn, s.rows);
      await s.prepare?.(conn);

      const pending = await command.check(v2);
      assert.deepEqual(order(suite.summarize(pending.ops.upgradeOps.ops)), order(s.ops));
      const file = await command.revision(v2, { message: "v2", autogenerate: true });
      assert.ok(file);
      const text = fs.readFileSync(file, "utf8");
      (s.checkRevision ?? suite.checkRevision)?.(text);
      for (const r of s.rendered ?? []) {
        if (typeof r === "string") assert.ok(text.includes(r), `the revision contains ${JSON.stringify(r)}:\n${text}`);
        else assert.match(text, r, `the revision matches ${r}:\n${text}`);
      }
      if (s.sql || s.sqlContains) {
        const offline = (await command.upgrade(v2, `${v1Rev}:head`, { sql: true })) as string;
        if (s.sql) {
          const normalize = suite.normalizeSql ?? ((x: string) => x);
          const statements = offlineStatements(offline).filter((x) => !/autogen_version/.test(x));
          assert.deepEqual(statements.map(normalize), s.sql, `offline SQL of the v2 step\n${text}`);
        }
        for (const sql of s.sqlContains ?? [])
          assert.ok(offline.includes(sql), `the offline SQL contains ${JSON.stringify(sql)}:\n${offline}`);
      }
      const v2Rev = /export const revision = "(\w+)"/.exec(text)?.[1];
      const replay = suite.offline;
      const upgradeCopy = replay?.copy(t, db, "upgrade");
      if (replay && upgradeCopy)
        await replay.run(upgradeCopy, await command.upgrade(v2, `${v1Rev}:${v2Rev}`, { sql: true }));
      await command.upgrade(v2, "head");
      if (replay && upgradeCopy) {
        assert.deepEqual(await replay.schema(upgradeCopy), await replay.schema(conn), `--sql upgrade\n${text}`);
        for (const table of Object.keys(s.expect))
          assert.deepEqual(
            await replay.rows(upgradeCopy, table),
            await replay.rows(conn, table),
            `--sql rows of ${table}`,
          );
      }

      const read = (table: string, columns: string[]) =>
        selectRows(conn, table, columns, {
          select: suite.select,
          orderBy: suite.orderByFirstColumn ? columns[0] : undefined,
        });
      for (const [table, e] of Object.entries(s.expect)) {
        assert.deepEqual(await read(table, e.columns), e.rows, `rows of ${table} after upgrade\n${text}`);
      }
      await suite.afterUpgrade?.(conn);
      await s.verify?.(conn);
      const after = await command.check(v2);
      assert.equal(
        after.upToDate,
        true,
        `v2 is in sync after the upgrade: ${summary(after.ops.upgradeOps.ops)}\n${text}`,
      );

      const downgradeCopy = replay?.copy(t, db, "downgrade");
      if (replay && downgradeCopy)
        await replay.run(downgradeCopy, await command.downgrade(v2, `${v2Rev}:${v1Rev}`, { sql: true }));
      await command.downgrade(v2, "-1");
      if (replay && downgradeCopy)
        assert.deepEqual(await replay.schema(downgradeCopy), await replay.schema(conn), `--sql downgrade\n${text}`);
      // The rows are still there, read by the columns v1 has (those they were inserted with).
      for (const [table, inserted] of Array.isArray(s.rows) ? s.rows : Object.entries(s.rows)) {
        const e = s.expect[table];
        const columns = Object.keys(inserted[0] ?? {});
        if (!e || columns.length === 0) continue;
        assert.equal((await read(table, columns)).length, e.rows.length, `rows of ${table} after downgrade`);
      }
      fs.rmSync(file); // v1's file alone is the script again: check compares v1 with the database
      if (!s.setup) {
        const back = await command.check(v1);
        assert.equal(back.upToDate, true, `downgrade -1 returns to v1: ${summary(back.ops.upgradeOps.ops)}\n${text}`);
      }
    });
  }
}

/**
 * A row of the one scenario table: a scenario, the dialects it runs on, and what differs on some
 * (`ops` may be given per dialect only).
 */
export interface TableScenario extends Omit<ChangeScenario, "ops"> {
  ops?: string[];
  dialects: readonly DialectName[];
  /** Fields that differ on a dialect: they replace the shared ones there. */
  on?: Partial<Record<DialectName, Partial<ChangeScenario>>>;
}

/** Each suite runs, in table order, the scenarios that name its dialect, with that dialect's differences applied. */
export function runScenarioTable(suites: readonly ChangeSuite[], table: readonly TableScenario[]): void {
  for (const suite of suites)
    runChangeScenarios(
      suite,
      table
        .filter((s) => s.dialects.includes(suite.dialect))
        .map(({ dialects: _dialects, on, ...shared }) => {
          const s = { ...shared, ...on?.[suite.dialect] };
          if (!s.ops) throw new Error(`change scenario "${s.name}" gives no ops for ${suite.dialect}`);
          return { ...s, ops: s.ops };
        }),
    );
}

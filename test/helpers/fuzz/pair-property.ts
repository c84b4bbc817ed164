/* The property of one random change pair (README "Fuzzing random change pairs"), run in-process
 * through the public command API on a real database: autogenerate v1 → upgrade → insert rows →
 * autogenerate v2 → upgrade; then (a) autogenerate again finds nothing, (b) every row is still
 * there with its values (a destructive edit must carry a risk code, and a column's values may
 * change only where it was dropped or its op carries data-loss or silent-data-change), (c)
 * downgrade gives v1 again, schema and rows. */
import fs from "node:fs";
import path from "node:path";
import { command, defineConfig, type AutogenConfig, type OpNode } from "autogen";
import { stableJson } from "@autogen/compare";
import type { Connection, DialectName } from "@autogen/dialects";
import { type FreshDatabase, tempDir } from "@autogen/dialects/testing";
import { insertRows, selectRows, type Row } from "../change-scenario";
import { applyEdits, type AppliedEdits, type Edit, type Target } from "./edits";
import { joinColumnName, toEntities, type ModelSpec } from "./model-spec";
import { FUZZ_MENUS } from "./menus";
import { generateRows, uniqueKeys } from "./rows";
import { modelDataSource, typeormLine, type TypeORMLine } from "../typeorm-lines";

/** A model v1 and the edits that make v2: what a run generates, the shrinker reduces and a fixture holds. */
export interface Pair {
  dialect: DialectName;
  /** The seed the pair was generated from (0 for a hand-made one). */
  seed: number;
  v1: ModelSpec;
  edits: Edit[];
}

/** Which TypeORM builds the model: `typeorm` (1.x) or `typeorm03` (0.3.x). */
export type TypeormLine = TypeORMLine;

export interface PropertyOptions {
  typeorm?: TypeormLine;
  /** Config settings added to both versions' configs (a test injects a broken comparator here). */
  config?: Partial<AutogenConfig>;
}

/** Where the property failed, and why. */
export interface PairFailure {
  step: string;
  message: string;
}

/** A DataSource of `spec` built with the chosen TypeORM line (never initialized: autogen reads its metadata). */
function dataSourceOf(line: TypeormLine, dialect: DialectName, spec: ModelSpec): unknown {
  return modelDataSource(line, dialect, toEntities(typeormLine(line).EntitySchema, spec));
}

class StepFailed extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
  }
}

/** Milliseconds spent in each step over all pairs of this process (`fuzz.js --timings`). */
export const stepTimes = new Map<string, number>();

/** Runs `fn` as the named step: any error it throws is that step's failure. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StepFailed) throw err;
    throw new StepFailed(name, err instanceof Error ? (err.stack ?? err.message) : String(err));
  } finally {
    stepTimes.set(name, (stepTimes.get(name) ?? 0) + Date.now() - started);
  }
}

function fail(stepName: string, message: string): never {
  throw new StepFailed(stepName, message);
}

/**
 * A value as the property compares it: drivers spell the same value differently per column
 * type (a number as a string, a boolean as 0/1, array elements likewise), and a CHAR pads with
 * spaces that compare equal. A type change converts a value faithfully when it only respells it:
 * a boolean as the text `true`/`false` (PostgreSQL's cast), a JSON document as text or as jsonb
 * (whose whitespace and key order differ: documents compare with their keys sorted).
 */
export function comparable(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Buffer.isBuffer(v)) return `0x${v.toString("hex")}`;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `[${v.map(comparable).join(",")}]`;
  if (typeof v === "boolean") return v ? "1" : "0";
  if (typeof v === "object") return stableJson(v);
  // The generated strings never end in blanks: trailing ones are CHAR padding, which a length change redoes.
  const s = String(v).replace(/ +$/, "");
  if (s === "true" || s === "false") return s === "true" ? "1" : "0";
  if (/^[[{]/.test(s)) {
    try {
      return stableJson(JSON.parse(s));
    } catch {
      // Text that only starts like JSON: compared as it is.
    }
  }
  return /^-?\d+(\.\d+)?$/.test(s) ? String(Number(s)) : s;
}

/** Every leaf op with the table it is about. */
function leafOps(ops: readonly OpNode[], table = ""): { op: Record<string, any>; table: string }[] {
  return ops.flatMap((op) => {
    const o = op as Record<string, any>;
    const name: string = typeof o.table === "string" ? o.table : (o.table?.name ?? o.tableName ?? table);
    return o.ops ? leafOps(o.ops, name) : [{ op: o, table: name }];
  });
}

function opColumn(o: Record<string, any>): string | undefined {
  return typeof o.column === "string" ? o.column : o.column?.name;
}

/** Risk codes that say the values of a column may change. */
const VALUES_CHANGE = ["data-loss", "silent-data-change"];

/**
 * Whether an op with a risk code (one of `codes`, when given) is about the target (its table,
 * and its column when it names one).
 */
function carriesRisk(ops: readonly OpNode[], target: Target, v2Table: string | undefined, codes?: string[]): boolean {
  return leafOps(ops).some(
    ({ op, table }) =>
      ((op.risks ?? []) as { code: string }[]).some((x) => !codes || codes.includes(x.code)) &&
      // An enum op names the columns it converts in `columns`, a table op its table.
      [{ table, column: opColumn(op) }, ...enumColumns(op)].some(
        (m) =>
          (m.table === target.table || m.table === v2Table) &&
          (target.column === undefined || m.column === undefined || m.column === target.column),
      ),
  );
}

/** The table columns an enum op (RecreateEnumOp and the like) converts. */
function enumColumns(op: Record<string, any>): { table: string; column: string | undefined }[] {
  const columns: unknown = op.columns;
  if (!Array.isArray(columns)) return [];
  return columns
    .filter((c): c is { table: { name: string }; column: string } => typeof c?.table?.name === "string")
    .map((c) => ({ table: c.table.name, column: c.column }));
}

/** The columns of each table of v1 the rows are read by (its own and its relations'). */
function v1Columns(v1: ModelSpec): Map<string, string[]> {
  return new Map(
    v1.tables.map((t) => [t.name, [...Object.keys(t.columns), ...Object.keys(t.relations).map(joinColumnName)]]),
  );
}

/** Compares rows read now with the snapshot, column by column; `skip` leaves a column out. */
async function compareRows(
  conn: Connection,
  stepName: string,
  snapshot: Map<string, Row[]>,
  tableNow: (t: string) => string | undefined,
  columnNow: (t: string, c: string) => string | undefined,
  skip: (t: string, c: string | undefined) => boolean,
): Promise<void> {
  for (const [table, rows] of snapshot) {
    const now = tableNow(table);
    if (!now || rows.length === 0 || skip(table, undefined)) continue;
    // The key is always read: the rows are counted even when every other column may change.
    const columns = Object.keys(rows[0]!).filter(
      (c) => columnNow(table, c) !== undefined && (c === "id" || !skip(table, c)),
    );
    const read = await selectRows(
      conn,
      now,
      columns.map((c) => columnNow(table, c)!),
      { orderBy: columnNow(table, "id") },
    );
    if (read.length !== rows.length) fail(stepName, `${now} has ${read.length} rows, ${rows.length} were inserted`);
    rows.forEach((row, i) => {
      for (const c of columns) {
        const before = comparable(row[c]);
        const after = comparable(read[i]![columnNow(table, c)!]);
        if (before !== after)
          fail(stepName, `${table}.${c} row ${i}: ${before} became ${after} (as ${now}.${columnNow(table, c)})`);
      }
    });
  }
}

/**
 * Runs the property on `db` (which must be empty): undefined when the pair passes, else the
 * step that failed and what went wrong. The database is left as the pair ends (wipeDatabase
 * empties it for the next one).
 */
export async function runPair(
  db: FreshDatabase,
  pair: Pair,
  o: PropertyOptions = {},
): Promise<PairFailure | undefined> {
  const line = o.typeorm ?? "typeorm";
  const scriptLocation = tempDir(`fuzz-${pair.dialect}-${pair.seed}`);
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  let conn: Connection | undefined;
  try {
    const applied: AppliedEdits = applyEdits(pair.v1, pair.edits);
    const config = (spec: ModelSpec) =>
      defineConfig({
        scriptLocation,
        url: db.url,
        dataSource: dataSourceOf(line, pair.dialect, spec),
        postWriteHooks: [],
        ...o.config,
      });
    const v1 = config(pair.v1);
    const v2 = config(applied.v2);
    const quiet = { info: () => {}, warn: () => {} };
    await step("v1 autogenerate and upgrade", async () => {
      await command.revision(v1, { message: "v1", autogenerate: true, ...quiet });
      await command.upgrade(v1, "head");
    });

    conn = await db.connect();
    const v2Keys = (t: string) => {
      const t2 = applied.v2.tables.find((x) => x.name === applied.tableIn2(t));
      if (!t2) return [];
      const back = (c2: string) =>
        Object.keys(pair.v1.tables.find((x) => x.name === t)!.columns).find((c) => applied.columnIn2(t, c) === c2) ??
        c2;
      return uniqueKeys(t2).map((k) => k.map(back));
    };
    const v2Of = (t: string, c: string) => {
      const t2 = applied.v2.tables.find((x) => x.name === applied.tableIn2(t));
      const c2 = applied.columnIn2(t, c);
      return t2 && c2 ? t2.columns[c2] : undefined;
    };
    const rows = generateRows(pair.v1, v2Of, v2Keys, FUZZ_MENUS[pair.dialect]);
    const snapshot = new Map<string, Row[]>();
    const columns = v1Columns(pair.v1);
    await step("insert rows", async () => {
      await insertRows(conn!, rows);
      for (const [t] of rows) snapshot.set(t, await selectRows(conn!, t, columns.get(t)!, { orderBy: "id" }));
    });

    // The risks of the upgrade ops, as check returns them; only destructive and alterColumn edits need them.
    const pending =
      applied.destructive.length === 0 && applied.altered.length === 0
        ? undefined
        : await step("v2 check", () => command.check(v2, { renames: applied.renames, ...quiet }));
    const unflagged = applied.destructive.filter(
      (target) => !carriesRisk(pending!.ops.upgradeOps.ops, target, applied.tableIn2(target.table)),
    );
    if (unflagged.length > 0)
      fail(
        "risk codes",
        `destructive edits without a risk code on their ops: ${unflagged.map((x) => [x.table, x.column].filter(Boolean).join(".")).join(", ")}\n` +
          JSON.stringify(pending!.ops.upgradeOps.ops, null, 1),
      );
    const file = await step("v2 autogenerate", async () => {
      const f = await command.revision(v2, { message: "v2", autogenerate: true, renames: applied.renames, ...quiet });
      return f ?? fail("v2 autogenerate", "no revision written");
    });
    const revisionText = () => fs.readFileSync(file, "utf8");
    await step("v2 upgrade", () => command.upgrade(v2, "head"));

    const again = await step("(a) autogenerate after upgrade", () => command.check(v2, quiet));
    if (!again.upToDate)
      fail(
        "(a) autogenerate after upgrade",
        `not empty:\n${JSON.stringify(again.ops.upgradeOps.ops, null, 1)}\n--- revision ---\n${revisionText()}`,
      );

    // A column's values may differ only where they are gone (its table or itself dropped: the
    // downgrade brings it back empty) or where its op says they may change (data-loss,
    // silent-data-change): a destructive edit in place (a narrowing, a lossy type change) with
    // any other risk code must keep every value it did not announce as changing.
    const valuesMayDiffer = (t: string, c: string | undefined) =>
      applied.destructive.some(
        (d) => d.table === t && (d.column === undefined || (d.column === c && applied.columnIn2(t, c) === undefined)),
      ) ||
      [...applied.destructive, ...applied.altered].some(
        (a) =>
          a.table === t &&
          c !== undefined &&
          a.column === c &&
          carriesRisk(
            pending!.ops.upgradeOps.ops,
            { table: t, column: applied.columnIn2(t, c) },
            applied.tableIn2(t),
            VALUES_CHANGE,
          ),
      );
    await step("(b) rows after upgrade", () =>
      compareRows(conn!, "(b) rows after upgrade", snapshot, applied.tableIn2, applied.columnIn2, valuesMayDiffer),
    );

    // A downgrade the upgrade's risks call irreversible may fail: (c) then has nothing to check.
    try {
      await step("(c) downgrade", () => command.downgrade(v2, "-1"));
    } catch (err) {
      if (pending?.risks.some((x) => x.code === "irreversible-downgrade")) return undefined;
      throw err;
    }
    fs.rmSync(file); // v1's file alone is the script again: check compares v1 with the database
    const back = await step("(c) autogenerate after downgrade", () => command.check(v1, quiet));
    if (!back.upToDate)
      fail("(c) autogenerate after downgrade", `not empty:\n${JSON.stringify(back.ops.upgradeOps.ops, null, 1)}`);
    await step("(c) rows after downgrade", () =>
      compareRows(
        conn!,
        "(c) rows after downgrade",
        snapshot,
        (t) => t,
        (_, c) => c,
        valuesMayDiffer,
      ),
    );
    return undefined;
  } catch (err) {
    if (err instanceof StepFailed) return { step: err.step, message: err.message };
    return { step: "harness", message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  } finally {
    await conn?.close();
    fs.rmSync(scriptLocation, { recursive: true, force: true });
  }
}

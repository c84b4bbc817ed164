/* What the change-scenario suites (SQLite, PostgreSQL, MySQL) share: a script folder with the
 * v1 and v2 configs of one scenario, and rows written and read with the dialect's quoting. */
import fs from "node:fs";
import path from "node:path";
import type { TestContext } from "node:test";
import { defineConfig } from "autogen";
import type { OpNode } from "@autogen/core";
import { getDialect, type Connection } from "@autogen/dialects";
import { type FreshDatabase, tempDir } from "@autogen/dialects/testing";

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
 * flattened: columns, alterations (`modify` keys sorted) and indexes are spelled the same in
 * every suite; `other` spells the rest (constraints), which each suite asserts in its own terms.
 */
export function summarizeOps(ops: readonly OpNode[], other: (op: LooseOp, table: string) => string): string[] {
  return ops.flatMap((op): string[] => {
    const o = op as LooseOp;
    if (o.ops) return summarizeOps(o.ops, other);
    const table: string = o.table?.name ?? "";
    switch (op.kind) {
      case "AlterColumnOp": {
        const m = o.modify as Record<string, unknown>;
        const parts = Object.keys(m)
          .sort()
          .map((k) => `${k}=${m[k] === null ? "null" : String(m[k])}`);
        return [`AlterColumnOp ${table}.${o.column} ${parts.join(" ")}`];
      }
      case "AddColumnOp":
      case "DropColumnOp":
        return [`${op.kind} ${table}.${o.column.name}`];
      case "CreateIndexOp":
      case "DropIndexOp":
        return [`${op.kind} ${table}.${o.index.name}`];
      default:
        return [other(o, table)];
    }
  });
}

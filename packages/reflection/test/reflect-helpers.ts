import type { TestContext } from "node:test";
import { Column } from "@autogen/core";
import type { ColumnProps, Schema } from "@autogen/core";
import { type Connection, type DialectName, getDialect } from "@autogen/dialects";
import { useDatabase } from "@autogen/dialects/testing";
import { createIntrospector, type Introspector } from "../src/index";

/**
 * A fresh database of the dialect with `ddl` run on it (one statement per entry), and an
 * introspector over it. Undefined when the test was skipped because the server is unreachable.
 */
export async function reflectedDatabase(
  t: TestContext,
  dialect: DialectName,
  ddl: readonly string[],
): Promise<{ conn: Connection; introspector: Introspector } | undefined> {
  const db = await useDatabase(t, dialect);
  if (!db) return undefined;
  const conn = await db.connect();
  t.after(() => conn.close());
  for (const statement of ddl) await conn.query(statement);
  return { conn, introspector: createIntrospector(conn, getDialect(dialect)) };
}

/**
 * What a model says about DDL written for `dialect`, in the dialect's canonical form as the
 * metadata side computes it; reflection of the real objects must give exactly this. `column`:
 * a column written as `type` with `props` (its default and generation expression as written);
 * `expression`: a CHECK / WHERE / index expression as written.
 */
export function modelOf(dialect: DialectName): {
  column: (name: string, type: string, props?: Partial<ColumnProps>) => Column;
  expression: (written: string) => string;
} {
  const canonical = getDialect(dialect).canonical;
  return {
    column: (name, type, props = {}) => canonical.column(Column.create(name, type, props)),
    expression: (written) => canonical.expression(written),
  };
}

/** `n` groups of statements built by `make(i)`, flattened. */
export const numbered = (n: number, make: (i: number) => string[]): string[] =>
  Array.from({ length: n }, (_, i) => make(i)).flat();

/** Collects warnings instead of printing them. */
export function warningCollector(): { warnings: string[]; onWarning: (m: string) => void } {
  const warnings: string[] = [];
  return { warnings, onWarning: (m) => warnings.push(m) };
}

/** The names of a reflected schema's tables, in its order. */
export const tableNames = (schema: Schema): string[] => schema.tables.map((t) => t.name);

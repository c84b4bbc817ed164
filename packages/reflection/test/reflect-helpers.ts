import type { TestContext } from "node:test";
import { Column } from "@autogen/core";
import type { ColumnProps } from "@autogen/core";
import { type Connection, type DialectName, getDialect, useDatabase } from "@autogen/dialects";
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

/** A column with the model's defaults for everything not given. */
export const col = (name: string, type: string, props: Partial<ColumnProps> = {}): Column => Column.create(name, type, props);

/** `n` groups of statements built by `make(i)`, flattened. */
export const numbered = (n: number, make: (i: number) => string[]): string[] => Array.from({ length: n }, (_, i) => make(i)).flat();

/** Collects warnings instead of printing them. */
export function warningCollector(): { warnings: string[]; onWarning: (m: string) => void } {
  const warnings: string[] = [];
  return { warnings, onWarning: (m) => warnings.push(m) };
}

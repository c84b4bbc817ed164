import { CheckConstraint, Column, ExclusionConstraint, Index, QualifiedName, Schema, Table } from "@autogen/core";
import type { Connection, Dialect } from "@autogen/dialects";
import { CountingQueries } from "../counting-queries";
import { POSTGRES_DEFAULT_TEXT } from "./postgres-catalog-queries";
import { exclusionExpression } from "./postgres-exclusion";

/** The temporary table the probe builds; it lives in this session's pg_temp schema only. */
const PROBE = `pg_temp."autogen_expr_probe"`;

/**
 * Runs a probe statement where its failure cannot end a transaction the connection may be in
 * (an adopted one): a PL/pgSQL block with an exception handler runs it in a subtransaction.
 */
async function attempt(conn: Connection, sql: string): Promise<void> {
  if (sql.includes("$autogen_probe$")) return;
  await conn.query(
    `DO $autogen_probe$ BEGIN EXECUTE '${sql.replaceAll("'", "''")}'; EXCEPTION WHEN others THEN NULL; END $autogen_probe$`,
  );
}
const tableName = (q: Quote, t: Table): string => (t.schema === null ? q(t.name) : `${q(t.schema)}.${q(t.name)}`);
/** The dialect's identifier quoting. */
type Quote = (identifier: string) => string;

/** A model object whose SQL text is not canonically equal to the same-named reflected one. */
type Probe =
  | { readonly kind: "check"; readonly check: CheckConstraint; readonly expression: string }
  | { readonly kind: "exclusion"; readonly exclusion: ExclusionConstraint; readonly expression: string }
  | { readonly kind: "where"; readonly index: Index; readonly expression: string }
  | { readonly kind: "generated"; readonly column: Column; readonly type: string; readonly expression: string }
  | { readonly kind: "default"; readonly column: Column; readonly expression: string };

/**
 * The model with the SQL the database rewrites on the way in (CHECK expressions, exclusion
 * constraints, partial index predicates, generation expressions, column defaults) replaced by what PostgreSQL stores for it,
 * wherever the text alone does not match the same-named object the database has. PostgreSQL
 * stores the parse tree and deparses it: `a IN (1, 2)` comes back as `a = ANY (ARRAY[1, 2])`,
 * `a BETWEEN 1 AND 10` as `a >= 1 AND a <= 10`, `v >= 1.5` on a real column as
 * `v::numeric >= 1.5`, with a pair of parentheses per operator, and a timestamptz literal
 * without an offset is resolved in the session's time zone. No text rule can know the column
 * types those depend on, so each such model text is run through a temporary copy of the table
 * (`LIKE`, the database's column types) and read back with the catalog functions reflection uses.
 * Objects that are equal already cost nothing: most runs send no statement at all. A text the
 * server rejects is left as written (it then differs, as before).
 *
 * No BEGIN / ROLLBACK of its own, like the view probe: on an adopted connection that would end
 * the application's transaction; each statement that may fail runs in a subtransaction instead.
 */
export async function probeModelExpressions(
  conn: Connection,
  dialect: Dialect,
  target: Schema,
  reflected: Schema,
): Promise<Schema> {
  const live = new Map(reflected.tables.map((t) => [QualifiedName.key(t), t]));
  let changed = false;
  const tables: Table[] = [];
  for (const table of target.tables) {
    const existing = live.get(QualifiedName.key(table));
    const probes = existing ? differingTexts(table, existing) : [];
    if (probes.length === 0) {
      tables.push(table);
      continue;
    }
    const stored = await probeTable(conn, (name) => dialect.quote(name), existing!, probes);
    if (stored.size === 0) {
      tables.push(table);
      continue;
    }
    changed = true;
    tables.push(withStoredTexts(table, stored, dialect));
  }
  return changed ? Schema.create({ ...target, tables }) : target;
}

function differingTexts(model: Table, live: Table): Probe[] {
  const probes: Probe[] = [];
  const liveChecks = new Map(live.checks.filter((c) => c.name !== null).map((c) => [c.name, c]));
  for (const check of model.checks) {
    const other = check.name === null ? undefined : liveChecks.get(check.name);
    if (other && other.expression !== check.expression)
      probes.push({ kind: "check", check, expression: check.expression });
  }
  const liveExclusions = new Map(live.exclusions.map((x) => [x.name, x]));
  for (const exclusion of model.exclusions) {
    const other = exclusion.name === null ? undefined : liveExclusions.get(exclusion.name);
    if (other && other.expression !== exclusion.expression)
      probes.push({ kind: "exclusion", exclusion, expression: exclusion.expression });
  }
  const liveIndexes = new Map(live.indexes.map((i) => [i.name, i]));
  for (const index of model.indexes) {
    const other = liveIndexes.get(index.name);
    if (index.where !== null && other?.where != null && other.where !== index.where)
      probes.push({ kind: "where", index, expression: index.where });
  }
  const liveColumns = new Map(live.columns.map((c) => [c.name, c]));
  for (const column of model.columns) {
    const other = liveColumns.get(column.name);
    if (!other || other.type !== column.type) continue;
    if (column.generated && other.generated && column.generated.expression !== other.generated.expression) {
      probes.push({ kind: "generated", column, type: other.type, expression: column.generated.expression });
    } else if (
      !column.generated &&
      !other.generated &&
      column.default !== null &&
      other.default !== null &&
      column.default !== other.default
    ) {
      probes.push({ kind: "default", column, expression: column.default });
    }
  }
  return probes;
}

/** The stored text of each probe the server accepts, by probe. */
async function probeTable(
  conn: Connection,
  q: Quote,
  live: Table,
  probes: readonly Probe[],
): Promise<Map<Probe, string>> {
  const stored = new Map<Probe, string>();
  await conn.query(`DROP TABLE IF EXISTS ${PROBE}`);
  await attempt(conn, `CREATE TEMPORARY TABLE "autogen_expr_probe" (LIKE ${tableName(q, live)})`);
  try {
    for (const [i, p] of probes.entries()) {
      // Null when the server rejected the text (it reads a column the table has yet to get):
      // it is then left as written.
      const text = await probeOne(conn, q, p, `autogen_probe_${i}`);
      if (text !== null) stored.set(p, text);
    }
  } finally {
    await conn.query(`DROP TABLE IF EXISTS ${PROBE}`);
  }
  return stored;
}

/** One probe: the same catalog function and flags as the reflection queries (postgres-catalog-queries.ts). */
async function probeOne(conn: Connection, q: Quote, p: Probe, name: string): Promise<string | null> {
  const first = async (sql: string, params: readonly unknown[]): Promise<string | null> =>
    (await CountingQueries.uncounted<{ e: string | null }>(conn, sql, params))[0]?.e ?? null;
  switch (p.kind) {
    case "check":
      await attempt(conn, `ALTER TABLE ${PROBE} ADD CONSTRAINT ${q(name)} CHECK (${p.expression}) NOT VALID`);
      return first(
        `SELECT pg_get_expr(conbin, conrelid, true) AS e FROM pg_constraint WHERE conrelid = to_regclass('${PROBE}') AND conname = ?`,
        [name],
      );
    case "exclusion": {
      await attempt(conn, `ALTER TABLE ${PROBE} ADD CONSTRAINT ${q(name)} EXCLUDE ${p.expression}`);
      const definition = await first(
        `SELECT pg_get_constraintdef(oid, true) AS e FROM pg_constraint WHERE conrelid = to_regclass('${PROBE}') AND conname = ?`,
        [name],
      );
      return definition === null ? null : exclusionExpression(definition);
    }
    case "where":
      await attempt(conn, `CREATE INDEX ${q(name)} ON ${PROBE} ((1)) WHERE ${p.expression}`);
      return first(`SELECT pg_get_expr(indpred, indrelid, true) AS e FROM pg_index WHERE indexrelid = to_regclass(?)`, [
        `pg_temp.${q(name)}`,
      ]);
    case "generated":
      await attempt(
        conn,
        `ALTER TABLE ${PROBE} ADD COLUMN ${q(name)} ${p.type} GENERATED ALWAYS AS (${p.expression}) STORED`,
      );
      return columnDefault(first, name);
    case "default":
      await attempt(conn, `ALTER TABLE ${PROBE} ALTER COLUMN ${q(p.column.name)} SET DEFAULT ${p.expression}`);
      return columnDefault(first, p.column.name);
  }
}

const columnDefault = (
  first: (sql: string, params: readonly unknown[]) => Promise<string | null>,
  column: string,
): Promise<string | null> =>
  first(
    `SELECT ${POSTGRES_DEFAULT_TEXT} AS e FROM pg_attrdef ad JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
     WHERE ad.adrelid = to_regclass('${PROBE}') AND a.attname = ?`,
    [column],
  );

function withStoredTexts(table: Table, stored: ReadonlyMap<Probe, string>, dialect: Dialect): Table {
  const canonical = dialect.canonical;
  const checks = new Map<CheckConstraint, string>();
  const exclusions = new Map<ExclusionConstraint, string>();
  const wheres = new Map<Index, string>();
  const columns = new Map<Column, Column>();
  for (const [p, text] of stored) {
    if (p.kind === "check") checks.set(p.check, canonical.expression(text));
    else if (p.kind === "exclusion") exclusions.set(p.exclusion, text);
    else if (p.kind === "where") wheres.set(p.index, canonical.expression(text));
    else if (p.kind === "generated")
      columns.set(
        p.column,
        Column.cloneWith(p.column, { generated: { ...p.column.generated!, expression: canonical.expression(text) } }),
      );
    else columns.set(p.column, Column.cloneWith(p.column, { default: canonical.default(text, p.column.type) }));
  }
  return Table.cloneWith(table, {
    columns: table.columns.map((c) => columns.get(c) ?? c),
    checks: table.checks.map((c) => (checks.has(c) ? CheckConstraint.create(checks.get(c)!, c.name) : c)),
    exclusions: table.exclusions.map((x) =>
      exclusions.has(x) ? ExclusionConstraint.create(exclusions.get(x)!, x.name) : x,
    ),
    indexes: table.indexes.map((i) =>
      wheres.has(i) ? Index.create(i.name, i.elements, { ...i, where: wheres.get(i)! }) : i,
    ),
  });
}

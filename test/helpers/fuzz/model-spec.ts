/* A model as plain data (tables, columns, indexes, relations, checks): what the fuzzer edits,
 * shrinks and prints as a fixture, and turns into EntitySchemas of either TypeORM line. */
import type { ColumnOptions } from "../random-model";

/** A SQL default given as an expression (an EntitySchema `default: () => "..."`), JSON-safe. */
export interface SqlDefault {
  $sql: string;
}

/** An index of a table; `unique` makes it a unique index. */
export interface IndexSpec {
  name: string;
  columns: string[];
  unique: boolean;
}

/** A many-to-one (or one-to-one) relation: TypeORM adds the `<relation>Id` column and its foreign key. */
export interface RelationSpec {
  type: "many-to-one" | "one-to-one";
  target: string;
  onDelete: string;
  onUpdate: string;
}

/** A CHECK constraint, as a SQL expression over the table's columns. */
export interface CheckSpec {
  name: string;
  expression: string;
  /** The columns the expression reads (so an edit or the shrinker leaves them alone). */
  columns: string[];
}

export interface TableSpec {
  name: string;
  /** Column name → EntitySchema column options (`id` is the primary key). */
  columns: Record<string, ColumnOptions>;
  indices: IndexSpec[];
  relations: Record<string, RelationSpec>;
  checks: CheckSpec[];
}

/** A whole model, tables in dependency order (a relation targets an earlier table). */
export interface ModelSpec {
  tables: TableSpec[];
}

/** A deep copy (specs are JSON). */
export function cloneSpec<T>(spec: T): T {
  return JSON.parse(JSON.stringify(spec)) as T;
}

/** The column TypeORM adds for a relation. */
export function joinColumnName(relation: string): string {
  return `${relation}Id`;
}

/** Menu options as spec data: a function default becomes `{ $sql }`. */
export function columnToSpec(options: ColumnOptions): ColumnOptions {
  const d = options["default"];
  return typeof d === "function" ? { ...options, default: { $sql: (d as () => string)() } } : { ...options };
}

function isSqlDefault(d: unknown): d is SqlDefault {
  return typeof d === "object" && d !== null && "$sql" in d;
}

/**
 * The spec of EntitySchemas (those `randomEntities` builds): their options read back as data.
 * Views are left out (the edits change tables only).
 */
export function specOf(entities: readonly unknown[]): ModelSpec {
  const tables = entities
    .map((e) => (e as { options: Record<string, any> }).options)
    .filter((o) => o["type"] !== "view")
    .map((o): TableSpec => {
      const columns: Record<string, ColumnOptions> = Object.fromEntries(
        Object.entries(o["columns"] as Record<string, ColumnOptions>).map(([k, c]) => [k, columnToSpec(c)]),
      );
      const names = Object.keys(columns);
      return {
        name: o["name"] as string,
        columns,
        indices: ((o["indices"] ?? []) as IndexSpec[]).map((x) => ({ ...x, unique: x.unique === true })),
        relations: Object.fromEntries(
          Object.entries((o["relations"] ?? {}) as Record<string, RelationSpec & Record<string, unknown>>).map(
            ([k, r]) => [k, { type: r.type, target: r.target, onDelete: r.onDelete, onUpdate: r.onUpdate }],
          ),
        ),
        checks: ((o["checks"] ?? []) as { name: string; expression: string }[]).map((c) => ({
          ...c,
          columns: names.filter((n) => new RegExp(`\\b${n}\\b`).test(c.expression)),
        })),
      };
    });
  return { tables };
}

type EntitySchemaCtor = new (options: Record<string, unknown>) => unknown;

/** EntitySchemas of `spec`, built with the given TypeORM line's EntitySchema. */
export function toEntities(EntitySchema: EntitySchemaCtor, spec: ModelSpec): unknown[] {
  return spec.tables.map(
    (t) =>
      new EntitySchema({
        name: t.name,
        columns: Object.fromEntries(
          Object.entries(t.columns).map(([name, c]) => {
            const d = c["default"];
            return [name, isSqlDefault(d) ? { ...c, default: () => d.$sql } : c];
          }),
        ),
        indices: t.indices,
        checks: t.checks.map((c) => ({ name: c.name, expression: c.expression })),
        relations: Object.fromEntries(
          Object.entries(t.relations).map(([name, r]) => [name, { ...r, joinColumn: true, nullable: true }]),
        ),
      }),
  );
}

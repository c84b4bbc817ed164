import { DEFAULT_VERSION_TABLE, revisionsTableName, type Column, type Schema, type Table } from "@autogen/core";
import { getDialect, type Dialect } from "@autogen/dialects";
import type { CompareDialect, CompareOptions, FilterType, ParentNames, SchemaObject } from "./compare-options";
import type { AlterColumnDraft } from "./drafts/alter-column-draft";
import type { ModifyTableDraft } from "./drafts/modify-table-draft";
import type { ComparatorRegistry, ComparatorTargets } from "./registry";

/** Tables that are never part of a diff, besides the version table: TypeORM's own bookkeeping. */
export const ALWAYS_EXCLUDED_TABLES: readonly string[] = ["migrations", "typeorm_metadata"];

/**
 * What every comparator sees: the options, both schemas, and the two filter entry points
 * (Alembic's `AutogenContext.run_name_filters` / `run_object_filters`), called at every object.
 */
export class CompareContext {
  readonly dialect: CompareDialect;
  /**
   * The Dialect object (Alembic's `migration_context.impl`): comparators ask it for the
   * dialect's decisions (`canonical.narrows`, `adapter.supportsComments`) rather than testing
   * its name.
   */
  readonly impl: Dialect;
  readonly defaultSchema: string | null;
  readonly #excluded: ReadonlySet<string>;
  /** The version table and the revisions table next to it. */
  readonly #versionTables: readonly string[];
  readonly #versionTableSchema: string | null;
  readonly #compareTable: ComparatorTargets["table"];
  readonly #compareColumn: ComparatorTargets["column"];
  /**
   * Columns (`columnKey`) whose default another op already sets (a recreated enum type sets its
   * columns' defaults); the default comparison skips them.
   */
  readonly defaultsSetElsewhere = new Set<string>();

  constructor(
    readonly options: CompareOptions,
    readonly target: Schema,
    readonly reflected: Schema,
    readonly registry: ComparatorRegistry,
  ) {
    this.dialect = options.dialect;
    this.impl = getDialect(options.dialect);
    this.#compareTable = registry.dispatch("table", options.dialect);
    this.#compareColumn = registry.dispatch("column", options.dialect);
    this.defaultSchema = options.defaultSchema ?? null;
    this.#excluded = new Set([...ALWAYS_EXCLUDED_TABLES, ...(options.excludeTables ?? [])]);
    const versionTable = options.versionTable ?? DEFAULT_VERSION_TABLE;
    this.#versionTables = [versionTable, revisionsTableName(versionTable)];
    this.#versionTableSchema = this.schemaOf(options.versionTableSchema ?? null);
  }

  /** Runs every "table" comparator on an existing table. */
  compareTable(draft: ModifyTableDraft, target: Table, reflected: Table): void {
    this.#compareTable(this, draft, target, reflected);
  }

  /** Runs every "column" comparator on a column both sides have. */
  compareColumn(draft: AlterColumnDraft, target: Column, reflected: Column): void {
    this.#compareColumn(this, draft, target, reflected);
  }

  /** A schema name with the default schema folded into null, so `public.t` and `t` are one table. */
  schemaOf(schema: string | null): string | null {
    return schema !== null && schema === this.defaultSchema ? null : schema;
  }

  /** A map key for a table or type: `schema\0name`. */
  keyOf(q: { schema: string | null; name: string }): string {
    return `${this.schemaOf(q.schema) ?? ""}\u0000${q.name}`;
  }

  /** The version and revisions tables (in their own schema) and TypeORM's tables (anywhere) are never diffed. */
  isExcludedTable(q: { schema: string | null; name: string }): boolean {
    if (this.#excluded.has(q.name)) return true;
    return this.#versionTables.includes(q.name) && this.schemaOf(q.schema) === this.#versionTableSchema;
  }

  /** The includeName hook for a reflected name; true when there is none. */
  runNameFilters(name: string | null, type: FilterType, parentNames: ParentNames): boolean {
    return this.options.includeName ? this.options.includeName(name, type, parentNames) : true;
  }

  /** The includeObject hook; true when there is none. */
  runObjectFilters(
    object: SchemaObject,
    name: string | null,
    type: FilterType | "enum",
    reflected: boolean,
    compareTo: SchemaObject | null,
  ): boolean {
    return this.options.includeObject ? this.options.includeObject(object, name, type, reflected, compareTo) : true;
  }

  /**
   * The reflected objects of a table (columns, indexes, constraints) that includeName accepts:
   * all of them, as they are, when there is no hook. An unnamed object (SQLite) is always seen.
   */
  namedInTable<T extends { readonly name: string | null }>(
    table: { schema: string | null; name: string },
    objects: readonly T[],
    type: FilterType,
  ): readonly T[] {
    if (!this.options.includeName) return objects;
    const parents = this.tableParents(table);
    return objects.filter((x) => x.name === null || this.runNameFilters(x.name, type, parents));
  }

  /** includeName's parentNames for an object of a table. */
  tableParents(t: { schema: string | null; name: string }): ParentNames {
    return {
      schemaName: t.schema,
      tableName: t.name,
      schemaQualifiedTableName: t.schema ? `${t.schema}.${t.name}` : t.name,
    };
  }
}

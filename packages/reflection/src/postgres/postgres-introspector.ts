import {
  CheckConstraint,
  type ExclusionConstraint,
  Column,
  Enum,
  ForeignKey,
  Index,
  IndexElement,
  PrimaryKey,
  Table,
  UniqueConstraint,
  View,
  sortedSchema,
} from "@autogen/core";
import type { Identity, ReferentialAction, Schema } from "@autogen/core";
import { withoutUniquesRepeatingPrimaryKey, type Connection, type Dialect } from "@autogen/dialects";
import { canonicalAction } from "../canonical-action";
import { CountingQueries } from "../counting-queries";
import { RowsByTable, groupBy } from "../group-by";
import type { Introspector } from "../introspector";
import { excludedTables, warningSink } from "../reflect-options";
import type { ReflectOptions } from "../reflect-options";
import { probeModelExpressions } from "./postgres-expression-probe";
import { exclusionFromDefinition } from "./postgres-exclusion";
import { withoutJit } from "./postgres-jit";
import {
  POSTGRES_CATALOG_QUERY,
  catalogRows,
  POSTGRES_SCHEMA_NAMES_QUERY,
  POSTGRES_VIEW_PROBE_QUERY,
  postgresCatalogParams,
  type RawPostgresCatalogRow,
} from "./postgres-catalog-queries";

/**
 * PostgreSQL reflection from pg_catalog: one statement per reflect call, whatever the number of
 * schemas, tables or columns (schemas, tables, columns, constraints, indexes, enums and views,
 * each as a JSON array: see POSTGRES_CATALOG_QUERY).
 * Objects in the connection's current schema get `schema: null`, as the model writes them.
 */
export class PostgresIntrospector implements Introspector {
  readonly #queries: CountingQueries;
  readonly #dialect: Dialect;
  /** What the last reflect() saw, which canonicalTarget() probes the model against. */
  #last: Schema | null = null;

  constructor(conn: Connection, dialect: Dialect) {
    this.#queries = new CountingQueries(conn);
    this.#dialect = dialect;
  }

  get lastQueryCount(): number {
    return this.#queries.lastCount;
  }

  /**
   * Three statements per view, and only views both sides have are asked about. No BEGIN /
   * ROLLBACK of its own: on an adopted connection that would end the application's transaction;
   * the temporary view lives in this session's pg_temp schema and is dropped at once.
   */
  async canonicalViewDefinition(definition: string): Promise<string | null> {
    const conn = this.#queries.conn;
    try {
      await conn.query(`CREATE TEMPORARY VIEW "autogen_view_probe" AS ${definition}`);
      const { rows } = await conn.query<{ definition: string }>(POSTGRES_VIEW_PROBE_QUERY);
      return rows[0] ? viewDefinitionText(rows[0].definition) : null;
    } catch {
      return null;
    } finally {
      await conn.query(`DROP VIEW IF EXISTS pg_temp."autogen_view_probe"`);
    }
  }

  async schemaNames(): Promise<string[]> {
    const rows = await CountingQueries.uncounted<{ schema_name: string }>(
      this.#queries.conn,
      POSTGRES_SCHEMA_NAMES_QUERY,
    );
    return rows.map((r) => r.schema_name);
  }

  async reflect(o: ReflectOptions = {}): Promise<Schema> {
    return withoutJit(this.#queries.conn, () => this.#reflect(o));
  }

  async #reflect(o: ReflectOptions): Promise<Schema> {
    this.#queries.reset();
    const q = this.#queries;
    const named = o.schemas ? o.schemas.filter((s): s is string => s !== null) : null;
    const scope = { schemas: o.schemas ?? [null], excluded: excludedTables(o), tables: o.tables };
    const answer = q.run<RawPostgresCatalogRow>(POSTGRES_CATALOG_QUERY, postgresCatalogParams(named, scope));
    o.onCatalogSent?.();
    const meta = (await answer)[0]!;
    const current = meta.current_schema;
    const tables = catalogRows<RawPostgresTableRow>(meta, "tables");
    const columns = catalogRows<RawPostgresColumnRow>(meta, "columns");
    const constraints = catalogRows<RawPostgresConstraintRow>(meta, "constraints");
    const indexes = catalogRows<RawPostgresIndexRow>(meta, "indexes");
    const enums = catalogRows<RawPostgresEnumRow>(meta, "enums");
    const views = catalogRows<RawPostgresViewRow>(meta, "views");

    const build = new PostgresSchemaBuild(this.#dialect, warningSink(o), current);
    this.#last = sortedSchema({
      tables: build.tables(tables, columns, constraints, indexes),
      enums: enums.map((r) => Enum.create(r.enum_name, r.labels, build.schemaOf(r.schema_name))),
      views: views.map((r) => build.view(r)),
      // The current schema is the default one; the model lists only the others.
      schemas: (o.schemas ? meta.existing_schemas : []).filter((s) => s !== current),
    });
    return this.#last;
  }

  /**
   * The model's CHECK, partial-index, generation and default texts that do not match the last
   * reflect() as PostgreSQL would store them (postgres-expression-probe.ts); no statement when
   * every one matches already.
   */
  async canonicalTarget(target: Schema): Promise<Schema> {
    if (this.#last === null) throw new Error("PostgresIntrospector.canonicalTarget() needs a reflect() first");
    return probeModelExpressions(this.#queries.conn, this.#dialect, target, this.#last);
  }
}

/** pg_get_viewdef ends the statement with `;`, which is not part of the definition. */
const viewDefinitionText = (raw: string): string => raw.trim().replace(/;$/, "").trimEnd();

/** pg_constraint.confdeltype / confupdtype codes; `a` (NO ACTION, the default) is null. */
const ACTIONS: Readonly<Record<string, ReferentialAction | null>> = {
  a: null,
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** pg_index.indoption bits (src/include/catalog/pg_index.h). */
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

/** Folds the raw rows of one reflect call into canonical Tables and Views. */
class PostgresSchemaBuild {
  constructor(
    readonly dialect: Dialect,
    readonly warn: (message: string) => void,
    readonly currentSchema: string | null,
  ) {}

  /** Objects in the current schema are written without a schema in the model. */
  schemaOf(name: string): string | null {
    return name === this.currentSchema ? null : name;
  }

  tables(
    tables: RawPostgresTableRow[],
    columns: RawPostgresColumnRow[],
    constraints: RawPostgresConstraintRow[],
    indexes: RawPostgresIndexRow[],
  ): Table[] {
    const columnsOf = new RowsByTable(columns);
    const constraintsOf = new RowsByTable(constraints);
    const indexesOf = new RowsByTable(indexes);
    return tables.map((t) => this.table(t, columnsOf.of(t), constraintsOf.of(t), indexesOf.of(t)));
  }

  table(
    t: RawPostgresTableRow,
    columns: RawPostgresColumnRow[],
    constraints: RawPostgresConstraintRow[],
    indexRows: RawPostgresIndexRow[],
  ): Table {
    const where = `PostgreSQL table ${t.schema_name}.${t.table_name}`;
    let primaryKey: PrimaryKey | null = null;
    const uniques: UniqueConstraint[] = [];
    const foreignKeys: ForeignKey[] = [];
    const checks: CheckConstraint[] = [];
    const exclusions: ExclusionConstraint[] = [];
    for (const c of constraints) {
      const deferral = {
        deferrable: c.is_deferrable,
        initially: c.is_deferrable ? (c.is_deferred ? "DEFERRED" : "IMMEDIATE") : null,
      } as const;
      switch (c.constraint_type) {
        case "p":
          primaryKey = PrimaryKey.create(c.column_names, c.constraint_name);
          break;
        case "u":
          if (/\bNULLS NOT DISTINCT\b/i.test(c.definition!))
            this.warn(`${where}: NULLS NOT DISTINCT of unique constraint ${c.constraint_name} is not modelled`);
          uniques.push(UniqueConstraint.create(c.column_names, c.constraint_name, deferral));
          break;
        case "f":
          foreignKeys.push(
            ForeignKey.create({
              name: c.constraint_name,
              columns: c.column_names,
              refSchema: this.schemaOf(c.ref_schema!),
              refTable: c.ref_table!,
              refColumns: c.ref_column_names,
              onDelete: canonicalAction(this.dialect, ACTIONS[c.on_delete] ?? null),
              onUpdate: canonicalAction(this.dialect, ACTIONS[c.on_update] ?? null),
              ...deferral,
            }),
          );
          break;
        case "c":
          checks.push(CheckConstraint.create(this.dialect.canonical.expression(c.check_expr!), c.constraint_name));
          break;
        case "x":
          exclusions.push(exclusionFromDefinition(c.definition!, c.constraint_name));
          break;
        default:
          this.warn(`${where}: constraint ${c.constraint_name} (${c.definition}) is not modelled and is left out`);
      }
    }
    const table = Table.create(
      t.table_name,
      columns.map((c) => this.column(where, c)),
      {
        schema: this.schemaOf(t.schema_name),
        primaryKey,
        uniques,
        foreignKeys,
        checks,
        exclusions,
        indexes: [...groupBy(indexRows, (r) => r.index_name).values()].map((rows) => this.index(where, rows)),
        comment: t.table_comment,
      },
    );
    return withoutUniquesRepeatingPrimaryKey(table);
  }

  column(where: string, r: RawPostgresColumnRow): Column {
    const canonical = this.dialect.canonical;
    const type = serialType(canonical.type(r.column_type), r);
    const isGenerated = r.generated_kind === "s";
    // A serial column's default is nextval() of the sequence it owns: that is the
    // autoincrement, not a default the model would write.
    const autoIncrement = isSerial(r);
    const rawDefault = isGenerated || autoIncrement || r.identity_kind !== "" ? null : r.default_expr;
    return canonical.column(
      Column.create(r.column_name, type, {
        nullable: !r.not_null,
        default: canonical.default(rawDefault, type),
        comment: r.column_comment,
        autoIncrement,
        identity: r.identity_kind === "" ? null : this.identity(r),
        generated: isGenerated ? { expression: canonical.expression(r.default_expr ?? ""), stored: true } : null,
        collation: r.collation_name,
      }),
    );
  }

  /**
   * START and INCREMENT are reported only when they differ from what a bare
   * `GENERATED ... AS IDENTITY` gets (start at 1, or at -1 counting down; increment 1), so a
   * model that does not set them matches.
   */
  identity(r: RawPostgresColumnRow): Identity {
    const increment = r.sequence_increment === null ? null : Number(r.sequence_increment);
    const start = r.sequence_start === null ? null : Number(r.sequence_start);
    const defaultStart = increment !== null && increment < 0 ? -1 : 1;
    return {
      always: r.identity_kind === "a",
      start: start === null || start === defaultStart ? null : start,
      increment: increment === null || increment === 1 ? null : increment,
    };
  }

  index(where: string, rows: RawPostgresIndexRow[]): Index {
    const first = rows[0]!;
    const canonical = this.dialect.canonical;
    const keys = rows.filter((r) => !r.is_included);
    if (first.nulls_not_distinct)
      this.warn(`${where}: NULLS NOT DISTINCT of index ${first.index_name} is not modelled`);
    const elements = keys.map((r) => {
      if (!r.opclass_is_default)
        this.warn(`${where}: operator class ${r.opclass} of index ${first.index_name} is not modelled`);
      const descending = (r.options & INDOPTION_DESC) !== 0;
      const nullsFirst = (r.options & INDOPTION_NULLS_FIRST) !== 0;
      // NULLS LAST is the default for ASC and NULLS FIRST for DESC: only the other one is written.
      const o = {
        descending,
        nulls: nullsFirst === descending ? null : nullsFirst ? ("FIRST" as const) : ("LAST" as const),
      };
      return r.column_name !== null
        ? IndexElement.column(r.column_name, o)
        : IndexElement.expression(canonical.expression(r.element_text!), o);
    });
    return Index.create(first.index_name, elements, {
      unique: first.is_unique,
      where: first.predicate === null ? null : canonical.expression(first.predicate),
      using: first.access_method === "btree" ? null : first.access_method,
      include: rows.filter((r) => r.is_included).map((r) => r.column_name ?? r.element_text!),
    });
  }

  view(r: RawPostgresViewRow): View {
    return View.create(r.view_name, viewDefinitionText(r.definition), {
      schema: this.schemaOf(r.schema_name),
      materialized: r.relkind === "m",
    });
  }
}

interface RawPostgresTableRow {
  schema_name: string;
  table_name: string;
  table_comment: string | null;
}

/** Integer widths, narrowest first: a serial column's values are those its sequence can give. */
const INTEGER_WIDTH: Readonly<Record<string, number>> = { smallint: 1, integer: 2, bigint: 3 };

/**
 * A serial column is as wide as its sequence: a bigint column still drawing from an `AS integer`
 * sequence (a column widened without its sequence, as `ALTER COLUMN ... TYPE bigint` leaves it)
 * stops at 2,147,483,647 like an integer one, so it is reflected as integer and a bigint model
 * asks for the change again, which then widens both (the PostgreSQL compiler alters the owned
 * sequence with the column). Identity sequences follow their column's type by themselves.
 */
function serialType(type: string, r: RawPostgresColumnRow): string {
  if (!isSerial(r) || r.sequence_type === null) return type;
  const own = INTEGER_WIDTH[type];
  const sequence = INTEGER_WIDTH[r.sequence_type];
  return own !== undefined && sequence !== undefined && sequence < own ? r.sequence_type : type;
}

/**
 * A serial column: not an identity, and its default is `nextval('<the sequence it owns>'::regclass)`,
 * the sequence's name quoted as a literal the way PostgreSQL prints it (quotes doubled; with a
 * backslash, doubled too and an E prefix).
 */
function isSerial(r: RawPostgresColumnRow): boolean {
  if (r.owned_sequence === null || r.identity_kind !== "") return false;
  const name = r.owned_sequence.replaceAll("'", "''");
  const literal = name.includes("\\") ? `E'${name.replaceAll("\\", "\\\\")}'` : `'${name}'`;
  return r.default_expr === `nextval(${literal}::regclass)`;
}

interface RawPostgresColumnRow {
  schema_name: string;
  table_name: string;
  ordinal: number;
  column_name: string;
  /** format_type(atttypid, atttypmod): `character varying(50)`, `timestamp(3) with time zone`, `mood[]`. */
  column_type: string;
  not_null: boolean;
  /** The default, or for a generated column its expression. */
  default_expr: string | null;
  /** `a` ALWAYS, `d` BY DEFAULT, `` none. */
  identity_kind: string;
  /** `s` STORED, `` none. */
  generated_kind: string;
  collation_name: string | null;
  column_comment: string | null;
  sequence_start: string | null;
  sequence_increment: string | null;
  sequence_type: string | null;
  /** The sequence the column owns (a serial's or an identity's), as `::regclass` prints it. */
  owned_sequence: string | null;
}

interface RawPostgresConstraintRow {
  schema_name: string;
  table_name: string;
  constraint_name: string;
  /** `p`, `u`, `f`, `c`, `x`. */
  constraint_type: string;
  column_names: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_column_names: string[];
  on_delete: string;
  on_update: string;
  is_deferrable: boolean;
  is_deferred: boolean;
  check_expr: string | null;
  /** pg_get_constraintdef, for the kinds other than p, f and c only. */
  definition: string | null;
}

interface RawPostgresIndexRow {
  schema_name: string;
  table_name: string;
  index_name: string;
  is_unique: boolean;
  nulls_not_distinct: boolean;
  access_method: string;
  predicate: string | null;
  position: number;
  is_included: boolean;
  column_name: string | null;
  /** pg_get_indexdef's text of an expression element (column_name null); null for a column. */
  element_text: string | null;
  options: number;
  opclass: string | null;
  opclass_is_default: boolean;
}

interface RawPostgresEnumRow {
  schema_name: string;
  enum_name: string;
  labels: string[];
}

interface RawPostgresViewRow {
  schema_name: string;
  view_name: string;
  relkind: string;
  definition: string;
}

import {
  CheckConstraint,
  Column,
  ForeignKey,
  Index,
  IndexElement,
  PrimaryKey,
  Table,
  UniqueConstraint,
  View,
  sortedSchema,
} from "@autogen/core";
import type { ReferentialAction, Schema } from "@autogen/core";
import type { Connection, Dialect } from "@autogen/dialects";
import { canonicalAction } from "../canonical-action";
import { CountingQueries } from "../counting-queries";
import { groupBy } from "../group-by";
import type { Introspector } from "../introspector";
import { warningSink } from "../reflect-options";
import type { ReflectOptions } from "../reflect-options";
import {
  sqliteColumnsSelect,
  sqliteForeignKeysSelect,
  sqliteIndexesSelect,
  sqliteJsonRowsQuery,
  sqliteTableFilter,
  sqliteViewsAndVirtualTablesSelect,
  type SqliteCatalogSelect,
} from "./sqlite-catalog-queries";
import { parseSqliteCreateIndex, type ParsedSqliteIndex } from "./sqlite-create-index-parser";
import { parseSqliteCreateTable } from "./sqlite-create-table-parser";
import type { ParsedSqliteForeignKey, ParsedSqliteTable } from "./sqlite-create-table-parser";
import { tokenizeSqlite } from "./sqlite-tokenizer";

/**
 * SQLite reflection in four queries whatever the number of tables: the pragma table-valued
 * functions (https://sqlite.org/pragma.html#pragfunc) joined with sqlite_schema give columns,
 * indexes and foreign keys of every table at once, and the CREATE TABLE / CREATE INDEX texts
 * stored in sqlite_schema give what the pragmas do not (constraint names, CHECK expressions,
 * AUTOINCREMENT, generated expressions, COLLATE, deferrability, index expressions and WHERE).
 * Only the `main` schema is reflected; `ReflectOptions.schemas` does not apply.
 */
export class SqliteIntrospector implements Introspector {
  readonly #queries: CountingQueries;
  readonly #dialect: Dialect;

  constructor(conn: Connection, dialect: Dialect) {
    this.#queries = new CountingQueries(conn);
    this.#dialect = dialect;
  }

  get lastQueryCount(): number {
    return this.#queries.lastCount;
  }

  async schemaNames(): Promise<string[]> {
    return ["main"];
  }

  async reflect(o: ReflectOptions = {}): Promise<Schema> {
    this.#queries.reset();
    const filter = sqliteTableFilter(o);
    const run = async <R>(select: SqliteCatalogSelect): Promise<R[]> => {
      const query = sqliteJsonRowsQuery<R>(select);
      return query.rowsOf(await this.#queries.run<{ data: string }>(query.sql, filter.params));
    };
    // All four sent before the first answer is read: sqlite3 runs them on its thread pool.
    const answers = CountingQueries.all([
      run<RawSqliteColumnRow>(sqliteColumnsSelect(filter.sql)),
      run<RawSqliteIndexRow>(sqliteIndexesSelect(filter.sql)),
      run<RawSqliteForeignKeyRow>(sqliteForeignKeysSelect(filter.sql)),
      run<RawSqliteOtherRow>(sqliteViewsAndVirtualTablesSelect(filter.sql)),
    ]);
    o.onCatalogSent?.();
    const [columnRows, indexRows, foreignKeyRows, otherRows] = await answers;
    const warn = warningSink(o);
    for (const r of otherRows.filter((r) => r.object_type === "virtual")) {
      warn(`SQLite virtual table ${r.object_name} is not reflected: the model has no virtual tables`);
    }
    const build = new SqliteSchemaBuild(this.#dialect, warn);
    return sortedSchema({
      tables: build.tables(columnRows, indexRows, foreignKeyRows),
      views: otherRows.filter((r) => r.object_type === "view").map((r) => build.view(r)),
    });
  }
}

/** Folds the raw rows of one reflect call into canonical Tables and Views. */
class SqliteSchemaBuild {
  constructor(
    readonly dialect: Dialect,
    readonly warn: (message: string) => void,
  ) {}

  tables(columns: RawSqliteColumnRow[], indexes: RawSqliteIndexRow[], foreignKeys: RawSqliteForeignKeyRow[]): Table[] {
    const indexesByTable = groupBy(indexes, (r) => r.table_name);
    const foreignKeysByTable = groupBy(foreignKeys, (r) => r.table_name);
    return [...groupBy(columns, (r) => r.table_name)].map(([name, rows]) =>
      this.table(name, rows, indexesByTable.get(name) ?? [], foreignKeysByTable.get(name) ?? []),
    );
  }

  table(
    name: string,
    rows: RawSqliteColumnRow[],
    indexRows: RawSqliteIndexRow[],
    fkRows: RawSqliteForeignKeyRow[],
  ): Table {
    const first = rows[0]!;
    const parsed = parseSqliteCreateTable(first.table_sql ?? "");
    const pkColumns = rows.filter((r) => r.pk_position > 0).sort((a, b) => a.pk_position - b.pk_position);
    const options: Record<string, string> = {};
    if (first.without_rowid) options.withoutRowid = "true";
    if (first.is_strict) options.strict = "true";
    const byIndex = groupBy(indexRows, (r) => r.index_name);
    return Table.create(
      name,
      rows.map((r) => this.column(name, r, parsed)),
      {
        primaryKey:
          pkColumns.length > 0
            ? PrimaryKey.create(
                pkColumns.map((r) => r.column_name),
                parsed.primaryKey?.name ?? null,
              )
            : null,
        uniques: this.uniques(
          [...byIndex.values()].filter((ix) => ix[0]!.origin === "u"),
          parsed,
          pkColumns.map((r) => r.column_name),
        ),
        indexes: [...byIndex.values()].filter((ix) => ix[0]!.origin === "c").map((ix) => this.index(name, ix)),
        foreignKeys: this.foreignKeys(name, fkRows, parsed),
        checks: parsed.checks.map((c) =>
          CheckConstraint.create(this.dialect.canonical.expression(c.expression), c.name),
        ),
        options,
      },
    );
  }

  column(table: string, r: RawSqliteColumnRow, parsed: ParsedSqliteTable): Column {
    const canonical = this.dialect.canonical;
    const declared = parsed.columns.get(r.column_name.toLowerCase());
    const type = canonical.type(r.column_type);
    // pragma_table_xinfo: hidden 2 is a VIRTUAL generated column, 3 a STORED one.
    const isGenerated = r.hidden === 2 || r.hidden === 3;
    if (isGenerated && !declared?.generated) {
      this.warn(
        `SQLite table ${table}: could not find the expression of generated column ${r.column_name} in its CREATE TABLE text`,
      );
    }
    const generated =
      isGenerated && declared?.generated
        ? { expression: canonical.expression(declared.generated.expression), stored: r.hidden === 3 }
        : null;
    return canonical.column(
      Column.create(r.column_name, type, {
        nullable: r.not_null === 0,
        default: canonical.default(r.default_value, type),
        autoIncrement: declared?.autoIncrement ?? false,
        generated,
        collation: declared?.collation ?? null,
      }),
    );
  }

  /**
   * Automatic unique indexes (origin `u`) are UNIQUE constraints; their names come from the CREATE TABLE text.
   * SQLite builds no index for a UNIQUE that repeats the primary key's or another UNIQUE's columns
   * (it would be the same index), so such a declared constraint is taken from the text alone: it is
   * still declared, and a model that declares it too (a one-to-one join column that is the key) is in sync.
   */
  uniques(
    autoIndexes: RawSqliteIndexRow[][],
    parsed: ParsedSqliteTable,
    pkColumns: readonly string[],
  ): UniqueConstraint[] {
    const declared = [...parsed.uniques];
    const indexed = autoIndexes.map((rows) => {
      const columns = rows.map((r) => r.column_name!);
      const at = declared.findIndex((u) => sameNames(u.columns, columns));
      const name = at >= 0 ? declared.splice(at, 1)[0]!.name : null;
      return UniqueConstraint.create(columns, name);
    });
    // The columns as the catalog spells them, not as the constraint text does.
    const repeated = declared.flatMap((u) => {
      const same = sameNames(u.columns, pkColumns)
        ? pkColumns
        : indexed.find((i) => sameNames(u.columns, i.columns))?.columns;
      return same ? [UniqueConstraint.create([...same], u.name)] : [];
    });
    return [...indexed, ...repeated];
  }

  index(table: string, rows: RawSqliteIndexRow[]): Index {
    const first = rows[0]!;
    const canonical = this.dialect.canonical;
    const sql = first.index_sql ?? "";
    // An index of plain columns (most of them) needs nothing from its text: it is only read for
    // expressions (cid -2), an explicit COLLATE or a WHERE clause.
    const parsed =
      rows.every((r) => r.cid >= 0) && !/collate|where/i.test(sql) ? PLAIN_INDEX : parseSqliteCreateIndex(sql);
    const elements = rows.map((r) => {
      const written = parsed.elements[r.seqno];
      const o = { descending: r.is_descending === 1 };
      // The model has no per-element collation: an explicit COLLATE makes the element an
      // expression, which renders back to the same text.
      if (r.cid >= 0 && !written?.collation) return IndexElement.column(r.column_name!, o);
      if (!written) {
        this.warn(
          `SQLite index ${first.index_name} on ${table}: could not read element ${r.seqno} from its CREATE INDEX text`,
        );
        return IndexElement.expression(r.column_name ?? "", o);
      }
      const text = written.collation ? `${written.text} COLLATE ${written.collation}` : written.text;
      return IndexElement.expression(canonical.expression(text), o);
    });
    return Index.create(first.index_name, elements, {
      unique: first.is_unique === 1,
      where: parsed.where === null ? null : canonical.expression(parsed.where),
    });
  }

  /**
   * Columns and actions come from the pragma; name and deferrability from the CREATE TABLE text,
   * matched by columns and referenced table in declaration order (pragma ids count backwards).
   */
  foreignKeys(table: string, rows: RawSqliteForeignKeyRow[], parsed: ParsedSqliteTable): ForeignKey[] {
    const declared: ParsedSqliteForeignKey[] = [...parsed.foreignKeys];
    const byId = [...groupBy(rows, (r) => String(r.id)).values()].sort((a, b) => b[0]!.id - a[0]!.id);
    return byId.map((fk) => {
      const first = fk[0]!;
      const columns = fk.map((r) => r.column_name);
      const refColumns = fk.map((r) => r.ref_column ?? r.ref_pk_column ?? "");
      if (refColumns.includes("")) {
        this.warn(
          `SQLite table ${table}: foreign key to ${first.ref_table} names no columns and ${first.ref_table} has no primary key`,
        );
      }
      const at = declared.findIndex(
        (d) => sameNames(d.columns, columns) && d.refTable.toLowerCase() === first.ref_table.toLowerCase(),
      );
      const written = at >= 0 ? declared.splice(at, 1)[0]! : null;
      return ForeignKey.create({
        name: written?.name ?? null,
        columns,
        refTable: first.ref_table,
        refColumns,
        onDelete: canonicalAction(this.dialect, this.action(table, first.on_delete)),
        onUpdate: canonicalAction(this.dialect, this.action(table, first.on_update)),
        deferrable: written?.deferrable ?? false,
        initially: written?.initially ?? null,
      });
    });
  }

  /** NO ACTION is the default and is reported as null, as on every dialect. */
  action(table: string, raw: string): ReferentialAction | null {
    const action = raw.toUpperCase();
    if (action === "NO ACTION") return null;
    if (REFERENTIAL_ACTIONS.has(action)) return action as ReferentialAction;
    this.warn(`SQLite table ${table}: unknown foreign key action '${raw}', kept as written`);
    return raw as ReferentialAction;
  }

  /**
   * The stored text is `CREATE [TEMP] VIEW [IF NOT EXISTS] name [(cols)] AS select`: the
   * definition is the select, as written by whoever created it (TypeORM keeps the model's case
   * and spacing), so it is made canonical as the model's is.
   */
  view(r: RawSqliteOtherRow): View {
    const as = tokenizeSqlite(r.object_sql).find((t) => t.kind === "word" && t.value.toUpperCase() === "AS");
    if (!as)
      this.warn(`SQLite view ${r.object_name}: could not find AS in its CREATE VIEW text; keeping the whole text`);
    const select = (as ? r.object_sql.slice(as.end) : r.object_sql).trim();
    return View.create(r.object_name, this.dialect.canonical.expression(select));
  }
}

/** What the CREATE INDEX text of an index on plain columns, without COLLATE or WHERE, adds to the pragma: nothing. */
const PLAIN_INDEX: ParsedSqliteIndex = { elements: [], where: null };

const REFERENTIAL_ACTIONS = new Set(["CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"]);

/** SQLite compares identifiers case-insensitively. */
function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]!.toLowerCase());
}

/** One column of one ordinary table: sqlite_schema ⨝ pragma_table_list ⨝ pragma_table_xinfo. */
interface RawSqliteColumnRow {
  table_name: string;
  /** On the table's first column (cid 0) only. */
  table_sql: string | null;
  without_rowid: number;
  is_strict: number;
  cid: number;
  column_name: string;
  column_type: string;
  not_null: number;
  default_value: string | null;
  pk_position: number;
  hidden: number;
}

/** One key element of one index: pragma_index_list ⨝ pragma_index_xinfo (key = 1). */
interface RawSqliteIndexRow {
  table_name: string;
  index_name: string;
  is_unique: number;
  /** `c` CREATE INDEX, `u` UNIQUE constraint, `pk` PRIMARY KEY. */
  origin: "c" | "u" | "pk";
  seqno: number;
  /** Column number; -1 the rowid, -2 an expression. */
  cid: number;
  column_name: string | null;
  is_descending: number;
  index_sql: string | null;
}

/** One column pair of one foreign key: pragma_foreign_key_list. */
interface RawSqliteForeignKeyRow {
  table_name: string;
  id: number;
  seq: number;
  ref_table: string;
  column_name: string;
  ref_column: string | null;
  ref_pk_column: string | null;
  on_update: string;
  on_delete: string;
}

/** A view or a virtual table: pragma_table_list type `view` or `virtual`. */
interface RawSqliteOtherRow {
  object_name: string;
  object_sql: string;
  object_type: "view" | "virtual";
}

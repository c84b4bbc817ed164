import {
  CheckConstraint,
  Column,
  ForeignKey,
  Index,
  IndexElement,
  PrimaryKey,
  Table,
  View,
  sortedSchema,
} from "@autogen/core";
import type { ReferentialAction, Schema } from "@autogen/core";
import { randomBytes } from "node:crypto";
import { mysqlCharsetName, type Connection, type Dialect } from "@autogen/dialects";
import { canonicalAction } from "../canonical-action";
import { CountingQueries } from "../counting-queries";
import { RowsByTable, groupBy } from "../group-by";
import type { Introspector } from "../introspector";
import { excludedTables, warningSink } from "../reflect-options";
import type { ReflectOptions } from "../reflect-options";
import { charsetTableKey, differingCharset, resolveModelCharsets, type ReflectedCharsets } from "./mysql-charsets";
import { resolveImplicitKeyParts } from "./mysql-key-parts";
import {
  MYSQL_CHARSET_DEFAULTS_QUERY,
  MYSQL_SCHEMA_NAMES_QUERY,
  MYSQL_VIEW_PROBE_QUERY,
  type MysqlScope,
  type RawMysqlCatalogRow,
  mysqlCatalogStatement,
  mysqlChecksSelect,
  mysqlColumnsSelect,
  mysqlIndexesSelect,
  mysqlKeysSelects,
  mysqlServerSelect,
  mysqlTablesSelect,
  mysqlViewsSelect,
} from "./mysql-catalog-queries";

/**
 * MySQL / MariaDB reflection from information_schema: one statement per reflect call whatever
 * the number of schemas or tables (server and schemas, tables, columns, statistics, keys,
 * checks and views, as one UNION ALL: see mysqlCatalogStatement), after the server version
 * when the caller does not pass it. Tables in the connection's current database get `schema: null`.
 *
 * Conventions, so that the model built from entities can say the same thing:
 * - Every UNIQUE key is an Index with `unique: true` (MySQL has no unique constraint apart from
 *   its index), and the primary key has no name (it is always `PRIMARY`).
 * - The index InnoDB creates for a foreign key that has no usable index carries the FK's name
 *   and exactly its columns; such an index is the FK's implementation, not something the model
 *   declares, so it is left out. An index with another name, or other columns, is kept.
 * - NO ACTION and RESTRICT are the same rule in InnoDB (and RESTRICT is what MariaDB reports
 *   when no rule was written), so both are reported as null, the default.
 * - Charset and collation are reported on a column only when they differ from its table's, and
 *   on a table only when they differ from its schema's; a collation is also left out when it is
 *   the default of a charset that is reported.
 * - MariaDB's `json` is an alias of `longtext` plus a `json_valid(col)` column CHECK: such a
 *   column is reported as `json`, without that check (and without the utf8mb4_bin collation
 *   the alias implies).
 * - The storage engine is reported only when it differs from `@@default_storage_engine`.
 */
export class MysqlIntrospector implements Introspector {
  readonly #queries: CountingQueries;
  readonly #dialect: Dialect;
  /** What the last reflect() saw, which canonicalTarget() resolves the model against. */
  #last: { schema: Schema; charsets: ReflectedCharsets } | null = null;
  /** The server's version, which shapes the catalog statement: given, or read once. */
  #serverVersion: string | undefined;

  constructor(conn: Connection, dialect: Dialect) {
    this.#queries = new CountingQueries(conn);
    this.#dialect = dialect;
  }

  get lastQueryCount(): number {
    return this.#queries.lastCount;
  }

  async schemaNames(): Promise<string[]> {
    const rows = await CountingQueries.uncounted<{ schema_name: string }>(this.#queries.conn, MYSQL_SCHEMA_NAMES_QUERY);
    return rows.map((r) => r.schema_name);
  }

  async reflect(o: ReflectOptions = {}): Promise<Schema> {
    this.#queries.reset();
    const scope: MysqlScope = { schemas: o.schemas ?? null, excluded: excludedTables(o), tables: o.tables };
    // The statement differs between MariaDB and MySQL: the caller may know the server already.
    this.#serverVersion = o.serverVersion ?? this.#serverVersion ?? (await this.#queries.conn.serverVersion());
    const flavor = serverFlavor(this.#serverVersion);
    const parts = [
      [mysqlServerSelect(scope)],
      [mysqlTablesSelect(scope)],
      [mysqlColumnsSelect(scope)],
      [mysqlIndexesSelect(scope, flavor.hasExpressionIndexes)],
      mysqlKeysSelects(scope),
      [mysqlChecksSelect(scope, flavor.isMariaDb)],
      [mysqlViewsSelect(scope)],
    ];
    const statement = mysqlCatalogStatement(parts, { groupByTable: flavor.isMariaDb });
    const answer = this.#queries.run<RawMysqlCatalogRow>(statement.sql, statement.params);
    o.onCatalogSent?.();
    const byPart = statement.rowsOf(await answer);
    const [server, tables, columns, indexes, keys, checks, views] = byPart as unknown as [
      RawMysqlServerRow[],
      RawMysqlTableRow[],
      RawMysqlColumnRow[],
      RawMysqlIndexRow[],
      RawMysqlKeyRow[],
      RawMysqlCheckRow[],
      RawMysqlViewRow[],
    ];

    const current = server[0]!.current_schema;
    const build = new MysqlSchemaBuild(this.#dialect, warningSink(o), server, flavor.isMariaDb);
    const charsets: ReflectedCharsets = {
      tables: new Map(
        tables.map((t) => [
          charsetTableKey(build.schemaOf(t.schema_name), t.table_name),
          { charset: t.charset, collation: t.collation_name },
        ]),
      ),
      schemas: new Map(
        server.flatMap((r) =>
          r.schema_name === null
            ? []
            : [[build.schemaOf(r.schema_name), { charset: r.charset, collation: r.collation_name }]],
        ),
      ),
    };
    const schema = sortedSchema({
      tables: build.tables(tables, columns, indexes, keys, checks),
      views: views.map((r) =>
        View.create(r.view_name, withoutOwnSchema(r.definition.trim(), r.schema_name), {
          schema: build.schemaOf(r.schema_name),
        }),
      ),
      schemas: o.schemas
        ? server.flatMap((r) => (r.schema_name !== null && r.schema_name !== current ? [r.schema_name] : []))
        : [],
    });
    this.#last = { schema, charsets };
    return schema;
  }

  /**
   * The server stores a view's SELECT rewritten (every column qualified and aliased, keywords in
   * its own case): the model's SQL is stored as a view of a unique name in the current database,
   * read back and dropped, to compare like with like. CREATE VIEW commits, as every MySQL DDL
   * statement does; null when the server refuses the SQL as it stands.
   */
  async canonicalViewDefinition(definition: string): Promise<string | null> {
    const conn = this.#queries.conn;
    const name = `autogen_view_probe_${randomBytes(6).toString("hex")}`;
    try {
      await conn.query(`CREATE VIEW \`${name}\` AS ${definition}`);
      const { rows } = await conn.query<{ schema_name: string; definition: string }>(MYSQL_VIEW_PROBE_QUERY, [name]);
      return rows[0] ? withoutOwnSchema(rows[0].definition.trim(), rows[0].schema_name) : null;
    } catch {
      return null;
    } finally {
      await conn.query(`DROP VIEW IF EXISTS \`${name}\``).catch(() => undefined);
    }
  }

  /**
   * The model as the last reflect() would report it once in the database: column charsets and
   * collations resolved against their tables and schemas (mysql-charsets.ts; one query, for the
   * charsets' default collations, made only when a model column names a charset or collation),
   * and the key-part prefixes and long-unique HASH the server gives indexes on BLOB/TEXT
   * columns (mysql-key-parts.ts).
   */
  async canonicalTarget(target: Schema): Promise<Schema> {
    if (this.#last === null) throw new Error("MysqlIntrospector.canonicalTarget() needs a reflect() first");
    const withKeyParts = resolveImplicitKeyParts(target, this.#last.schema);
    if (!withKeyParts.tables.some((t) => t.columns.some((c) => c.charset !== null || c.collation !== null)))
      return withKeyParts;
    const rows = await CountingQueries.uncounted<{ charset: string; collation: string }>(
      this.#queries.conn,
      MYSQL_CHARSET_DEFAULTS_QUERY,
    );
    const defaults = new Map(rows.map((r) => [mysqlCharsetName(r.charset), mysqlCharsetName(r.collation)]));
    return resolveModelCharsets(withKeyParts, this.#last.charsets, defaults);
  }
}

/** MariaDB reports itself in VERSION(); MySQL 8.0.13+ has functional key parts in STATISTICS.EXPRESSION. */
function serverFlavor(version: string): { isMariaDb: boolean; hasExpressionIndexes: boolean } {
  const isMariaDb = /mariadb/i.test(version);
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map(Number);
  return { isMariaDb, hasExpressionIndexes: !isMariaDb && major * 10000 + minor * 100 + patch >= 80013 };
}

/**
 * The server stores a view's SELECT with every name qualified by its schema
 * (`` `db`.`t`.`id` ``); the view's own schema is implied, and writing it would make the
 * definition depend on the database name. String literals are left as they are.
 */
function withoutOwnSchema(definition: string, schema: string): string {
  const qualifier = "`" + schema.replaceAll("`", "``") + "`.";
  let out = "";
  for (let i = 0; i < definition.length;) {
    const c = definition[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < definition.length && definition[j] !== c) j += definition[j] === "\\" ? 2 : 1;
      out += definition.slice(i, j + 1);
      i = j + 1;
    } else if (definition.startsWith(qualifier, i)) {
      i += qualifier.length;
    } else if (c === "`") {
      const end = definition.indexOf("`", i + 1);
      const stop = end === -1 ? definition.length : end + 1;
      out += definition.slice(i, stop);
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** REFERENTIAL_CONSTRAINTS rules; NO ACTION and RESTRICT are the same in InnoDB: null. */
const ACTIONS: Readonly<Record<string, ReferentialAction | null>> = {
  "NO ACTION": null,
  RESTRICT: null,
  CASCADE: "CASCADE",
  "SET NULL": "SET NULL",
  "SET DEFAULT": "SET DEFAULT",
};

/** STATISTICS.INDEX_TYPE → Index.using; BTREE is the default. */
const INDEX_TYPES: Readonly<Record<string, string | null>> = {
  BTREE: null,
  FULLTEXT: "fulltext",
  SPATIAL: "spatial",
  HASH: "hash",
  RTREE: "spatial",
};

/** The collation MariaDB gives every column declared `json`. */
const JSON_COLLATION = "utf8mb4_bin";

/** Folds the raw rows of one reflect call into canonical Tables. */
class MysqlSchemaBuild {
  readonly #schemaDefaults: Map<string, RawMysqlServerRow>;
  readonly #currentSchema: string | null;
  readonly #defaultEngine: string;

  constructor(
    readonly dialect: Dialect,
    readonly warn: (message: string) => void,
    server: RawMysqlServerRow[],
    readonly isMariaDb: boolean,
  ) {
    this.#schemaDefaults = new Map(server.filter((r) => r.schema_name !== null).map((r) => [r.schema_name!, r]));
    this.#currentSchema = server[0]!.current_schema;
    this.#defaultEngine = server[0]!.default_engine;
  }

  /** Objects in the current database are written without a schema in the model. */
  schemaOf(name: string): string | null {
    return name === this.#currentSchema ? null : name;
  }

  tables(
    tables: RawMysqlTableRow[],
    columns: RawMysqlColumnRow[],
    indexes: RawMysqlIndexRow[],
    keys: RawMysqlKeyRow[],
    checks: RawMysqlCheckRow[],
  ): Table[] {
    const columnsOf = new RowsByTable(columns);
    const indexesOf = new RowsByTable(indexes);
    const keysOf = new RowsByTable(keys);
    const checksOf = new RowsByTable(checks);
    return tables.map((t) => this.table(t, columnsOf.of(t), indexesOf.of(t), keysOf.of(t), checksOf.of(t)));
  }

  table(
    t: RawMysqlTableRow,
    columnRows: RawMysqlColumnRow[],
    indexRows: RawMysqlIndexRow[],
    keyRows: RawMysqlKeyRow[],
    checkRows: RawMysqlCheckRow[],
  ): Table {
    const where = `MySQL table ${t.schema_name}.${t.table_name}`;
    const jsonChecks = new Set(checkRows.filter((c) => this.isJsonCheck(c, columnRows)).map((c) => c.constraint_name));
    const columns = columnRows.map((c) => this.column(c, t, jsonChecks.has(c.column_name)));
    for (const c of columnRows.filter((c) => /\bINVISIBLE\b/i.test(c.extra))) {
      this.warn(
        `${where}: column ${c.column_name} is INVISIBLE, which the model cannot express; it is reflected as visible`,
      );
    }
    const rules = new Map(keyRows.filter((r) => r.constraint_type === "RULES").map((r) => [r.constraint_name, r]));
    const keyGroups = [
      ...groupBy(
        keyRows.filter((r) => r.constraint_type !== "RULES"),
        (r) => r.constraint_name,
      ).values(),
    ];
    const pk = keyGroups.find((k) => k[0]!.constraint_type === "PRIMARY KEY");
    const foreignKeys = keyGroups
      .filter((k) => k[0]!.constraint_type === "FOREIGN KEY")
      .map((k) => this.foreignKey(k, rules.get(k[0]!.constraint_name)));
    const indexes = [...groupBy(indexRows, (r) => r.index_name).values()]
      .filter(
        (rows) => rows[0]!.index_name !== "PRIMARY" && !isImplicitForeignKeyIndex(rows, foreignKeys, t.table_name),
      )
      .map((rows) => this.index(where, rows));
    return Table.create(t.table_name, columns, {
      schema: this.schemaOf(t.schema_name),
      primaryKey: pk ? PrimaryKey.create(pk.map((r) => r.column_name)) : null,
      indexes,
      foreignKeys,
      checks: checkRows
        .filter((c) => !jsonChecks.has(c.constraint_name))
        .map((c) => CheckConstraint.create(this.dialect.canonical.expression(c.check_clause), c.constraint_name)),
      comment: t.table_comment === "" ? null : t.table_comment,
      options: this.tableOptions(t),
    });
  }

  /** MariaDB's automatic check for a column declared `json`: `json_valid(\`col\`)` at column level on a longtext column. */
  isJsonCheck(c: RawMysqlCheckRow, columns: RawMysqlColumnRow[]): boolean {
    if (!this.isMariaDb || c.level !== "Column") return false;
    const column = columns.find((col) => col.column_name === c.constraint_name);
    const quoted = "`" + c.constraint_name.replaceAll("`", "``") + "`";
    return column?.column_type === "longtext" && c.check_clause.trim() === `json_valid(${quoted})`;
  }

  column(r: RawMysqlColumnRow, t: RawMysqlTableRow, isJson: boolean): Column {
    const canonical = this.dialect.canonical;
    const type = canonical.type(isJson ? "json" : r.column_type);
    // Most columns have no EXTRA at all: no pattern to test then.
    const extra = r.extra === "" ? null : r.extra;
    const generated = extra === null ? null : /\b(VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.exec(extra);
    const onUpdate = extra === null ? null : (/\bon update (.+)$/i.exec(extra)?.[1] ?? null);
    let { charset, collation } = differingCharset(ownCharset(r), { charset: t.charset, collation: t.collation_name });
    if (isJson && r.collation_name === JSON_COLLATION) collation = charset = null;
    return canonical.column(
      Column.create(r.column_name, type, {
        nullable: r.is_nullable === "YES",
        default: generated ? null : canonical.default(this.rawDefault(r), type),
        comment: r.column_comment === "" ? null : r.column_comment,
        autoIncrement: extra !== null && /\bauto_increment\b/i.test(extra),
        generated: generated
          ? {
              expression: canonical.expression(r.generation_expression ?? ""),
              stored: !/^VIRTUAL$/i.test(generated[1]!),
            }
          : null,
        charset,
        collation,
        onUpdate,
      }),
    );
  }

  /**
   * MariaDB (10.2.7+) reports defaults as SQL: literals quoted, `NULL` for none, expressions
   * as text. MySQL reports a literal default unquoted and marks expression defaults with
   * DEFAULT_GENERATED in EXTRA, so its literals are quoted here to say the same thing (bit and
   * hex literals, `b'101'` and `0x0F`, are reported as such and kept).
   */
  rawDefault(r: RawMysqlColumnRow): string | null {
    if (r.column_default === null || this.isMariaDb || /\bDEFAULT_GENERATED\b/i.test(r.extra)) return r.column_default;
    if (/^(?:[bx]'[0-9a-f]*'|0x[0-9a-f]+)$/i.test(r.column_default)) return r.column_default;
    return `'${r.column_default.replaceAll("'", "''")}'`;
  }

  /** A foreign key from its column rows and the `RULES` row with its actions. */
  foreignKey(rows: RawMysqlKeyRow[], rule: RawMysqlKeyRow | undefined): ForeignKey {
    const first = rows[0]!;
    return ForeignKey.create({
      name: first.constraint_name,
      columns: rows.map((r) => r.column_name),
      refSchema: this.schemaOf(first.ref_schema!),
      refTable: first.ref_table!,
      refColumns: rows.map((r) => r.ref_column!),
      onDelete: canonicalAction(this.dialect, ACTIONS[rule?.delete_rule ?? "NO ACTION"] ?? null),
      onUpdate: canonicalAction(this.dialect, ACTIONS[rule?.update_rule ?? "NO ACTION"] ?? null),
    });
  }

  index(where: string, rows: RawMysqlIndexRow[]): Index {
    const first = rows[0]!;
    const canonical = this.dialect.canonical;
    const type = first.index_type.toUpperCase();
    const using = type in INDEX_TYPES ? INDEX_TYPES[type]! : first.index_type.toLowerCase();
    if (!(type in INDEX_TYPES))
      this.warn(`${where}: index ${first.index_name} has an unknown type ${first.index_type}, kept as written`);
    // MariaDB reports SUB_PART 32 for every SPATIAL key part: its internal key length, not a
    // prefix (spatial indexes take none).
    const hasPrefixes = using !== "spatial";
    const elements = rows.map((r) => {
      const o = {
        descending: r.sort_order === "D",
        length: r.sub_part === null || !hasPrefixes ? null : Number(r.sub_part),
      };
      if (r.column_name !== null) return IndexElement.column(r.column_name, o);
      return IndexElement.expression(canonical.expression(r.expression ?? ""), o);
    });
    return Index.create(first.index_name, elements, { unique: Number(first.non_unique) === 0, using });
  }

  tableOptions(t: RawMysqlTableRow): Record<string, string> {
    const options: Record<string, string> = {};
    if (t.engine !== null && t.engine !== this.#defaultEngine) options.engine = t.engine;
    const schema = this.#schemaDefaults.get(t.schema_name);
    const differing = differingCharset(ownCharset(t), {
      charset: schema?.charset ?? null,
      collation: schema?.collation_name ?? null,
    });
    if (differing.charset !== null) options.charset = differing.charset;
    if (differing.collation !== null) options.collation = differing.collation;
    return options;
  }
}

/** A table's or column's charset row as {@link differingCharset} takes it. */
function ownCharset(r: {
  charset: string | null;
  collation_name: string | null;
  charset_default_collation: string | null;
}) {
  return { charset: r.charset, collation: r.collation_name, charsetDefaultCollation: r.charset_default_collation };
}

/**
 * The index InnoDB made for a foreign key: exactly the FK's columns, no prefix, not unique, named
 * after the FK — or after its first column when the FK has no name of its own (InnoDB then
 * names the key `<table>_ibfk_<n>`: https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html).
 */
function isImplicitForeignKeyIndex(rows: RawMysqlIndexRow[], foreignKeys: ForeignKey[], table: string): boolean {
  const first = rows[0]!;
  const serverNamed = (f: ForeignKey) =>
    f.name !== null && f.name.startsWith(`${table}_ibfk_`) && f.columns[0] === first.index_name;
  const fk = foreignKeys.find((f) => f.name === first.index_name) ?? foreignKeys.find(serverNamed);
  return (
    fk !== undefined &&
    Number(first.non_unique) === 1 &&
    first.index_type.toUpperCase() === "BTREE" &&
    rows.length === fk.columns.length &&
    rows.every((r, i) => r.column_name === fk.columns[i] && r.sub_part === null && r.sort_order !== "D")
  );
}

/** Server facts, joined with one schema in scope (schema columns null when none exists). */
interface RawMysqlServerRow {
  current_schema: string | null;
  server_version: string;
  default_engine: string;
  schema_name: string | null;
  charset: string | null;
  collation_name: string | null;
}

interface RawMysqlTableRow {
  schema_name: string;
  table_name: string;
  engine: string | null;
  collation_name: string | null;
  charset: string | null;
  charset_default_collation: string | null;
  table_comment: string;
}

interface RawMysqlColumnRow {
  schema_name: string;
  table_name: string;
  ordinal: number;
  column_name: string;
  /** `int(11) unsigned`, `varchar(20)`, `enum('a','b')`, `longtext`. */
  column_type: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
  /** `auto_increment`, `on update current_timestamp()`, `STORED GENERATED`, `DEFAULT_GENERATED`, ... */
  extra: string;
  generation_expression: string | null;
  charset: string | null;
  collation_name: string | null;
  charset_default_collation: string | null;
  column_comment: string;
}

interface RawMysqlIndexRow {
  schema_name: string;
  table_name: string;
  index_name: string;
  non_unique: number | string;
  position: number;
  column_name: string | null;
  sub_part: number | string | null;
  /** `A`, `D`, or null (FULLTEXT). */
  sort_order: string | null;
  index_type: string;
  expression: string | null;
}

interface RawMysqlKeyRow {
  schema_name: string;
  table_name: string;
  constraint_name: string;
  /** `RULES`: the ON UPDATE / ON DELETE rules of the foreign key of that name (no columns). */
  constraint_type: "PRIMARY KEY" | "FOREIGN KEY" | "RULES";
  column_name: string;
  position: number;
  ref_schema: string | null;
  ref_table: string | null;
  ref_column: string | null;
  update_rule: string | null;
  delete_rule: string | null;
}

interface RawMysqlCheckRow {
  schema_name: string;
  table_name: string;
  constraint_name: string;
  check_clause: string;
  /** MariaDB: `Column` for a check written on a column, else `Table`. */
  level: string;
}

interface RawMysqlViewRow {
  schema_name: string;
  view_name: string;
  definition: string;
}

import type {
  CheckInput,
  ColumnChanges,
  ColumnInput,
  ForeignKeyInput,
  IndexElementInput,
  OpNode,
  TableOptionsInput,
  UniqueInput,
} from "@autogen/core";

/** A unique constraint's options beyond its name and columns (deferrable, initially). */
export type UniqueOptions = Omit<UniqueInput, "name" | "columns">;

/** A foreign key's options beyond its name, columns and referenced table and columns. */
export type ForeignKeyOptions = Omit<ForeignKeyInput, "name" | "columns" | "refTable" | "refColumns">;

/** An index's options inside `op.batchAlterTable`, whose table (and schema) is the block's. */
export type BatchIndexOptions = Omit<CreateIndexOptions, "schema">;

/**
 * How `dropConstraint` finds the constraint. `type` says its kind (default "unique"); an
 * UNNAMED constraint (SQLite keeps no names for inline ones) is identified by its definition
 * instead: `columns` for a unique, foreign-key or primary key, `expression` for a check or an
 * exclusion constraint.
 */
export interface DropConstraintOptions {
  type?: "unique" | "foreignkey" | "check" | "primary" | "exclusion";
  columns?: string[];
  expression?: string;
}

/**
 * A column using an enum type, for `op.recreateEnum`: `array` for an array of the enum;
 * `existingDefault` is dropped before the conversion and `default` set after it.
 */
export interface EnumColumnInput extends SchemaOption {
  table: string;
  column: string;
  array?: boolean;
  default?: string | null;
  existingDefault?: string | null;
}

/** Options shared by table-level operations. */
export interface SchemaOption {
  schema?: string;
}

/**
 * Changes for `op.alterColumn`. `type`, `nullable`, `default` (null drops it), `comment`,
 * `newName` say what changes; `existing*` describe the column as it is (MySQL's MODIFY COLUMN
 * and SQLite batch mode need them; downgrade uses them).
 */
export interface AlterColumnInput extends SchemaOption {
  type?: string;
  nullable?: boolean;
  default?: string | null;
  comment?: string | null;
  newName?: string;
  collation?: string | null;
  /** PostgreSQL USING expression for a type change. */
  using?: string;
  /** Auto-increment, identity (false removes it), charset, ON UPDATE and generated changes, as autogenerate renders them. */
  autoIncrement?: boolean;
  identity?: ColumnInput["identity"];
  charset?: string | null;
  onUpdate?: string | null;
  generated?: ColumnInput["generated"] | null;
  existingType?: string;
  existingNullable?: boolean;
  existingDefault?: string | null;
  existingComment?: string | null;
  existingCollation?: string | null;
  /** Anything else known of the existing column (autoIncrement, onUpdate, charset...). */
  existing?: ColumnChanges;
}

export interface CreateIndexOptions extends SchemaOption {
  unique?: boolean;
  where?: string;
  using?: string;
  include?: string[];
  concurrently?: boolean;
}

/** The operations a batch block can hold (the table name is implied). */
export interface BatchOperations {
  addColumn(column: ColumnInput): Promise<void>;
  dropColumn(column: string, o?: { existing?: ColumnInput }): Promise<void>;
  alterColumn(column: string, changes: Omit<AlterColumnInput, "schema">): Promise<void>;
  createIndex(name: string, columns: (string | IndexElementInput)[], o?: BatchIndexOptions): Promise<void>;
  dropIndex(name: string): Promise<void>;
  /** Renames an index; its definition (as createIndex takes it) lets SQLite create it again under the new name. */
  renameIndex(
    name: string,
    newName: string,
    columns: (string | IndexElementInput)[],
    o?: BatchIndexOptions,
  ): Promise<void>;
  createUniqueConstraint(name: string | null, columns: string[], o?: UniqueOptions): Promise<void>;
  renameUniqueConstraint(name: string, newName: string, columns: string[], o?: UniqueOptions): Promise<void>;
  renameForeignKey(
    name: string,
    newName: string,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o?: ForeignKeyOptions,
  ): Promise<void>;
  createForeignKey(
    name: string | null,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o?: ForeignKeyOptions,
  ): Promise<void>;
  createCheckConstraint(name: string | null, expression: string): Promise<void>;
  createPrimaryKey(name: string | null, columns: string[]): Promise<void>;
  dropConstraint(name: string | null, o?: DropConstraintOptions): Promise<void>;
}

/** Options of `op.batchAlterTable`. */
export interface BatchAlterTableOptions extends SchemaOption {
  /** "auto" (default): recreate only when some op cannot run in place on the dialect. */
  recreate?: "auto" | "always" | "never";
  /**
   * The table as it is now, for a recreate without reflecting the live table: required to
   * recreate with --sql (there is no database to read), optional online.
   */
  copyFrom?: {
    columns: ColumnInput[];
    /**
     * The table's CREATE TRIGGER statements: a recreate drops the table's triggers, and with --sql
     * these are created again after it (online, the live table's triggers are read instead).
     */
    triggers?: string[];
  } & TableOptionsInput;
}

/**
 * The built-in methods of `op`. Every method builds an op node and invokes it: online it
 * runs the dialect's DDL, offline (--sql) it writes the same statements.
 */
export interface BuiltinOperations {
  createTable(name: string, columns: ColumnInput[], options?: TableOptionsInput): Promise<void>;
  dropTable(name: string, o?: SchemaOption): Promise<void>;
  renameTable(oldName: string, newName: string, o?: SchemaOption): Promise<void>;
  addColumn(table: string, column: ColumnInput, o?: SchemaOption): Promise<void>;
  dropColumn(table: string, column: string, o?: SchemaOption & { existing?: ColumnInput }): Promise<void>;
  alterColumn(table: string, column: string, changes: AlterColumnInput): Promise<void>;
  createIndex(
    name: string,
    table: string,
    columns: (string | IndexElementInput)[],
    o?: CreateIndexOptions,
  ): Promise<void>;
  dropIndex(name: string, table: string, o?: SchemaOption): Promise<void>;
  /**
   * Renames an index (PostgreSQL ALTER INDEX, MySQL/MariaDB RENAME INDEX); `columns` and `o`
   * are its definition as createIndex takes it, which SQLite uses to create it again under the
   * new name.
   */
  renameIndex(
    name: string,
    newName: string,
    table: string,
    columns: (string | IndexElementInput)[],
    o?: CreateIndexOptions,
  ): Promise<void>;
  /** Renames a unique constraint; its definition is as createUniqueConstraint takes it. */
  renameUniqueConstraint(
    name: string,
    newName: string,
    table: string,
    columns: string[],
    o?: SchemaOption & UniqueOptions,
  ): Promise<void>;
  /**
   * Renames a foreign key (PostgreSQL RENAME CONSTRAINT; MySQL drops and adds it in one ALTER
   * TABLE); its definition is as createForeignKey takes it.
   */
  renameForeignKey(
    name: string,
    newName: string,
    sourceTable: string,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o?: SchemaOption & ForeignKeyOptions,
  ): Promise<void>;
  createUniqueConstraint(
    name: string | null,
    table: string,
    columns: string[],
    o?: SchemaOption & UniqueOptions,
  ): Promise<void>;
  createForeignKey(
    name: string | null,
    sourceTable: string,
    refTable: string,
    columns: string[],
    refColumns: string[],
    o?: SchemaOption & ForeignKeyOptions,
  ): Promise<void>;
  createCheckConstraint(name: string | null, table: string, expression: string, o?: SchemaOption): Promise<void>;
  /**
   * `ALTER TABLE ... ADD CONSTRAINT name EXCLUDE expression` (PostgreSQL only): `expression` is
   * what follows EXCLUDE, e.g. `USING gist ("room" WITH =, "during" WITH &&)`.
   */
  createExclusionConstraint(name: string | null, table: string, expression: string, o?: SchemaOption): Promise<void>;
  createPrimaryKey(name: string | null, table: string, columns: string[], o?: SchemaOption): Promise<void>;
  dropConstraint(name: string | null, table: string, o?: SchemaOption & DropConstraintOptions): Promise<void>;
  createTableComment(
    table: string,
    comment: string,
    o?: SchemaOption & { existingComment?: string | null },
  ): Promise<void>;
  dropTableComment(table: string, o?: SchemaOption & { existingComment?: string | null }): Promise<void>;
  /** Raw SQL, run as-is (and printed as-is with --sql). */
  execute(sql: string): Promise<void>;
  bulkInsert(table: string, rows: Record<string, unknown>[], o?: SchemaOption): Promise<void>;
  /** SQLite move-and-copy: collects the block's ops and recreates the table once. */
  batchAlterTable(
    table: string,
    fn: (batch: BatchOperations) => Promise<void>,
    o?: BatchAlterTableOptions,
  ): Promise<void>;
  /** PostgreSQL enums and schemas. */
  createEnum(name: string, values: string[], o?: SchemaOption): Promise<void>;
  dropEnum(name: string, o?: SchemaOption & { existingValues?: string[] }): Promise<void>;
  addEnumValue(name: string, value: string, o?: SchemaOption & { before?: string; after?: string }): Promise<void>;
  /** ALTER TYPE ... RENAME VALUE (PostgreSQL 10+): rows holding `value` hold `newValue`. */
  renameEnumValue(name: string, value: string, newValue: string, o?: SchemaOption): Promise<void>;
  /**
   * Recreates an enum type with `values` (PostgreSQL cannot drop a value in place) and converts
   * each of `columns` to it through text, mapping `renames` (old → new) on the way;
   * `existingValues` makes it reversible.
   */
  recreateEnum(
    name: string,
    values: string[],
    o: SchemaOption & { existingValues: string[]; columns: EnumColumnInput[]; renames?: Record<string, string> },
  ): Promise<void>;
  /** CREATE EXTENSION IF NOT EXISTS (PostgreSQL); `schema` is where it installs. */
  createExtension(name: string, o?: SchemaOption): Promise<void>;
  /** DROP EXTENSION IF EXISTS (PostgreSQL). */
  dropExtension(name: string, o?: SchemaOption): Promise<void>;
  createSchema(name: string): Promise<void>;
  dropSchema(name: string): Promise<void>;
  /** CREATE VIEW name AS definition. */
  createView(name: string, definition: string, o?: SchemaOption): Promise<void>;
  /** DROP VIEW; `existingDefinition` makes it reversible. */
  dropView(name: string, o?: SchemaOption & { existingDefinition?: string }): Promise<void>;
  /** CREATE OR REPLACE VIEW (drop and create on SQLite, which has no OR REPLACE); `existingDefinition` makes it reversible. */
  replaceView(name: string, definition: string, o?: SchemaOption & { existingDefinition?: string }): Promise<void>;
  /** Marks a name as final (no naming convention applied); returns it unchanged. */
  f(name: string): string;
  /** Runs the block outside the migration's transaction (e.g. ALTER TYPE ... ADD VALUE, CREATE INDEX CONCURRENTLY). */
  autocommitBlock(fn: () => Promise<void>): Promise<void>;
  /** Runs any op node through the registered implementation (custom operations). */
  invoke(op: OpNode): Promise<void>;
  /** The migration context: dialect, `getXArgument()`, offline flag. */
  readonly context: MigrationContextApi;
}

/**
 * `op`, as revision files see it: the built-in methods, plus the custom operations added with
 * `registerOperation`. A package that registers one declares its signature by augmenting this
 * interface (as the replaceable-object recipe does for `createFunction`).
 */
export interface Operations extends BuiltinOperations {
  readonly [custom: string]: unknown;
}

/** What revisions can ask of the running migration. */
export interface MigrationContextApi {
  readonly dialect: "postgres" | "mysql" | "sqlite";
  /** True with --sql. */
  readonly isOffline: boolean;
  /** The `tag` given to the command (alembic's `--tag`), for revisions that branch on it. */
  readonly tag: string | undefined;
  /** The -x arguments: `getXArgument()` as a record, `getXArgument("tenant")` one value. */
  getXArgument(): Readonly<Record<string, string>>;
  getXArgument(key: string): string | undefined;
}

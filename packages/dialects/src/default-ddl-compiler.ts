import {
  CommandError,
  freeze,
  QualifiedName,
  UnsupportedOpError,
  type AddColumnOp,
  type AddEnumValueOp,
  type RecreateEnumOp,
  type AlterColumnOp,
  type BatchAlterTableOp,
  type BuiltinOpTable,
  type BulkInsertOp,
  type CheckConstraint,
  type Column,
  type CreateCheckConstraintOp,
  type CreateExclusionConstraintOp,
  type ExclusionConstraint,
  type CreateEnumOp,
  type CreateForeignKeyOp,
  type CreateIndexOp,
  type CreatePrimaryKeyOp,
  type CreateExtensionOp,
  type DropExtensionOp,
  type CreateSchemaOp,
  type CreateTableCommentOp,
  type CreateTableOp,
  type CreateUniqueConstraintOp,
  type CreateViewOp,
  type DropColumnOp,
  DropConstraintOp,
  type DropEnumOp,
  type DropIndexOp,
  type DropSchemaOp,
  type DropTableCommentOp,
  type DropTableOp,
  type DropViewOp,
  type ExecuteSQLOp,
  type ForeignKey,
  type Generated,
  type Identity,
  type Index,
  type IndexElement,
  type ModifyTableOps,
  type OpNode,
  type PrimaryKey,
  type RenameTableOp,
  type RenameIndexOp,
  type RenameConstraintOp,
  type RenameEnumValueOp,
  type ReplaceViewOp,
  type Table,
  type UniqueConstraint,
} from "@autogen/core";
import { BatchRecreateRequiredError } from "./batch-recreate-required-error";
import type { DdlCompiler } from "./dialect";
import type { SqlSyntax } from "./sql-syntax";

/** Where a column spec is written: a CREATE TABLE body knows the table (SQLite's inline key needs it). */
export interface ColumnSpecContext {
  readonly table?: Table;
}

/**
 * The one DDL compiler: a visit method per built-in op kind, dispatched through an exhaustive
 * table, writing standard SQL (close to PostgreSQL's). Dialect compilers subclass it and override
 * only what their database spells differently. `compile()` returns one string per statement,
 * without a trailing `;`. Compilers hold state: use a fresh one per compile (Dialect.createDdlCompiler).
 */
export class DefaultDdlCompiler implements DdlCompiler {
  #out: string[] = [];

  /** Exhaustive: a new built-in kind without a visit method does not compile. */
  readonly #visitors: BuiltinOpTable<void> = {
    CreateTableOp: (op) => this.visitCreateTableOp(op),
    DropTableOp: (op) => this.visitDropTableOp(op),
    RenameTableOp: (op) => this.visitRenameTableOp(op),
    AddColumnOp: (op) => this.visitAddColumnOp(op),
    DropColumnOp: (op) => this.visitDropColumnOp(op),
    AlterColumnOp: (op) => this.visitAlterColumnOp(op),
    CreateIndexOp: (op) => this.visitCreateIndexOp(op),
    DropIndexOp: (op) => this.visitDropIndexOp(op),
    RenameIndexOp: (op) => this.visitRenameIndexOp(op),
    CreateUniqueConstraintOp: (op) => this.visitCreateUniqueConstraintOp(op),
    CreateForeignKeyOp: (op) => this.visitCreateForeignKeyOp(op),
    CreateCheckConstraintOp: (op) => this.visitCreateCheckConstraintOp(op),
    CreateExclusionConstraintOp: (op) => this.visitCreateExclusionConstraintOp(op),
    CreatePrimaryKeyOp: (op) => this.visitCreatePrimaryKeyOp(op),
    DropConstraintOp: (op) => this.visitDropConstraintOp(op),
    RenameConstraintOp: (op) => this.visitRenameConstraintOp(op),
    CreateTableCommentOp: (op) => this.visitCreateTableCommentOp(op),
    DropTableCommentOp: (op) => this.visitDropTableCommentOp(op),
    ExecuteSQLOp: (op) => this.visitExecuteSQLOp(op),
    BulkInsertOp: (op) => this.visitBulkInsertOp(op),
    CreateEnumOp: (op) => this.visitCreateEnumOp(op),
    DropEnumOp: (op) => this.visitDropEnumOp(op),
    AddEnumValueOp: (op) => this.visitAddEnumValueOp(op),
    RecreateEnumOp: (op) => this.visitRecreateEnumOp(op),
    RenameEnumValueOp: (op) => this.visitRenameEnumValueOp(op),
    CreateExtensionOp: (op) => this.visitCreateExtensionOp(op),
    DropExtensionOp: (op) => this.visitDropExtensionOp(op),
    CreateSchemaOp: (op) => this.visitCreateSchemaOp(op),
    DropSchemaOp: (op) => this.visitDropSchemaOp(op),
    CreateViewOp: (op) => this.visitCreateViewOp(op),
    DropViewOp: (op) => this.visitDropViewOp(op),
    ReplaceViewOp: (op) => this.visitReplaceViewOp(op),
    BatchAlterTableOp: (op) => this.visitBatchAlterTableOp(op),
    ModifyTableOps: (op) => this.visitModifyTableOps(op),
  };

  constructor(protected readonly syntax: SqlSyntax) {}

  /** The statements that perform `op`; custom or unknown kinds throw UnsupportedOpError. */
  compile(op: OpNode): readonly string[] {
    this.#out = [];
    this.visit(op);
    return freeze([...this.#out]);
  }

  protected visit(op: OpNode): void {
    const visitors = this.#visitors as unknown as Record<string, (op: OpNode) => void>;
    if (!Object.hasOwn(visitors, op.kind)) this.unsupported(op.kind);
    visitors[op.kind](op);
  }

  /** Adds one statement to the output. */
  protected emit(sql: string): void {
    this.#out.push(sql);
  }

  protected unsupported(what: string, outsideBatch = false): never {
    throw new UnsupportedOpError(
      what,
      `${this.syntax.dialect}${outsideBatch ? " outside batch mode (use op.batchAlterTable)" : ""}`,
    );
  }

  // ---- names and literals -------------------------------------------------------------------

  protected quote(identifier: string): string {
    return this.syntax.quote(identifier);
  }

  protected literal(value: unknown): string {
    return this.syntax.literal(value);
  }

  /** A table (or type) name, schema-qualified when it has a schema. */
  protected table(name: QualifiedName): string {
    return name.schema ? `${this.quote(name.schema)}.${this.quote(name.name)}` : this.quote(name.name);
  }

  protected columnList(columns: readonly string[]): string {
    return columns.map((c) => this.quote(c)).join(", ");
  }

  // ---- columns ------------------------------------------------------------------------------

  /** `"name" type clauses...` as in CREATE TABLE and ADD COLUMN. */
  protected columnSpec(c: Column, ctx: ColumnSpecContext = {}): string {
    return [this.quote(c.name), this.columnType(c), ...this.columnClauses(c, ctx)].join(" ");
  }

  protected columnType(c: Column): string {
    return c.type;
  }

  /** The clauses after the type, in the order the dialect's grammar wants them. */
  protected columnClauses(c: Column, _ctx: ColumnSpecContext): string[] {
    const out: string[] = [];
    if (c.collation !== null) out.push(this.collateClause(c.collation));
    if (c.generated) out.push(this.generatedClause(c.generated));
    if (c.identity) out.push(this.identityClause(c.identity));
    else if (c.autoIncrement) out.push(this.identityClause({ always: false, start: null, increment: null }));
    if (c.default !== null) out.push(`DEFAULT ${this.defaultExpression(c.default)}`);
    if (!c.nullable) out.push("NOT NULL");
    return out;
  }

  protected collateClause(collation: string): string {
    return `COLLATE ${this.quote(collation)}`;
  }

  protected generatedClause(g: Generated): string {
    return `GENERATED ALWAYS AS (${g.expression}) ${g.stored ? "STORED" : "VIRTUAL"}`;
  }

  /** SQL-standard identity (https://www.postgresql.org/docs/current/sql-createtable.html). */
  protected identityClause(i: Identity): string {
    const options = [
      i.start !== null ? `START WITH ${i.start}` : "",
      i.increment !== null ? `INCREMENT BY ${i.increment}` : "",
    ].filter(Boolean);
    return `GENERATED ${i.always ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY${options.length ? ` (${options.join(" ")})` : ""}`;
  }

  /** The default expression as written after DEFAULT (MySQL and SQLite parenthesise expressions). */
  protected defaultExpression(expr: string): string {
    return expr;
  }

  /** `COMMENT ON COLUMN` (https://www.postgresql.org/docs/current/sql-comment.html); null where comments are inline or absent. */
  protected columnCommentStatement(table: QualifiedName, column: string, comment: string | null): string | null {
    return `COMMENT ON COLUMN ${this.table(table)}.${this.quote(column)} IS ${comment === null ? "NULL" : this.literal(comment)}`;
  }

  protected tableCommentStatement(table: QualifiedName, comment: string | null): string | null {
    return `COMMENT ON TABLE ${this.table(table)} IS ${comment === null ? "NULL" : this.literal(comment)}`;
  }

  // ---- constraints --------------------------------------------------------------------------

  protected constraintName(name: string | null): string {
    return name === null ? "" : `CONSTRAINT ${this.quote(name)} `;
  }

  protected primaryKeyClause(pk: PrimaryKey): string {
    return `${this.constraintName(pk.name)}PRIMARY KEY (${this.columnList(pk.columns)})`;
  }

  protected uniqueClause(u: UniqueConstraint): string {
    return `${this.constraintName(u.name)}UNIQUE (${this.columnList(u.columns)})${this.deferrableClause(u)}`;
  }

  protected foreignKeyClause(fk: ForeignKey): string {
    const ref = this.referencedTable(QualifiedName.create(fk.refTable, fk.refSchema));
    return (
      `${this.constraintName(fk.name)}FOREIGN KEY (${this.columnList(fk.columns)}) REFERENCES ${ref} (${this.columnList(fk.refColumns)})` +
      (fk.onDelete ? ` ON DELETE ${fk.onDelete}` : "") +
      (fk.onUpdate ? ` ON UPDATE ${fk.onUpdate}` : "") +
      this.deferrableClause(fk)
    );
  }

  protected referencedTable(name: QualifiedName): string {
    return this.table(name);
  }

  protected checkClause(c: CheckConstraint): string {
    return `${this.constraintName(c.name)}CHECK (${c.expression})`;
  }

  /**
   * EXCLUDE is PostgreSQL's; elsewhere an exclusion constraint is refused by name (TypeORM
   * ignores `@Exclusion` there, and so does the model autogen builds from it).
   */
  protected exclusionClause(c: ExclusionConstraint): string {
    return this.unsupported(`exclusion constraint${c.name === null ? "" : ` ${c.name}`}`);
  }

  protected deferrableClause(c: { deferrable: boolean; initially: "IMMEDIATE" | "DEFERRED" | null }): string {
    if (!c.deferrable) return "";
    return ` DEFERRABLE${c.initially ? ` INITIALLY ${c.initially}` : ""}`;
  }

  /** The column declared `PRIMARY KEY` inline instead of by a table constraint (SQLite AUTOINCREMENT). */
  protected inlinePrimaryKeyColumn(_t: Table): string | null {
    return null;
  }

  protected tableConstraints(t: Table): string[] {
    const out: string[] = [];
    if (t.primaryKey && this.inlinePrimaryKeyColumn(t) === null) out.push(this.primaryKeyClause(t.primaryKey));
    for (const u of t.uniques) out.push(this.uniqueClause(u));
    for (const i of this.inlineIndexes(t)) out.push(this.inlineIndexClause(i));
    for (const f of t.foreignKeys) out.push(this.foreignKeyClause(f));
    for (const c of t.checks) out.push(this.checkClause(c));
    for (const x of t.exclusions) out.push(this.exclusionClause(x));
    return out;
  }

  /**
   * Indexes a new table must have as it is created, so written inside CREATE TABLE instead of
   * after it (MySQL: the key an AUTO_INCREMENT column needs). None by default.
   */
  protected inlineIndexes(_t: Table): readonly Index[] {
    return [];
  }

  /** An index inside CREATE TABLE; only dialects with inlineIndexes write one. */
  protected inlineIndexClause(i: Index): string {
    return this.unsupported(`index ${i.name} inside CREATE TABLE`);
  }

  // ---- tables -------------------------------------------------------------------------------

  /** Text after the closing parenthesis of CREATE TABLE (MySQL ENGINE=..., SQLite STRICT). */
  protected tableOptions(_t: Table): string {
    return "";
  }

  /** The CREATE TABLE statement alone; CreateTableOp adds comments and indexes after it. */
  protected createTableStatement(t: Table, name: QualifiedName = t): string {
    const body = [...t.columns.map((c) => this.columnSpec(c, { table: t })), ...this.tableConstraints(t)];
    return `CREATE TABLE ${this.table(name)} (\n    ${body.join(",\n    ")}\n)${this.tableOptions(t)}`;
  }

  protected visitCreateTableOp(op: CreateTableOp): void {
    const t = op.table;
    this.emit(this.createTableStatement(t));
    this.emitIfAny(this.tableCommentAfterCreate(t));
    for (const c of t.columns)
      if (c.comment !== null) this.emitIfAny(this.columnCommentStatement(t, c.name, c.comment));
    const inline = new Set(this.inlineIndexes(t));
    for (const i of t.indexes) if (!inline.has(i)) this.emit(this.createIndexStatement(t, i, false));
  }

  /** The statement that sets a new table's comment (null where it is a table option or unsupported). */
  protected tableCommentAfterCreate(t: Table): string | null {
    return t.comment === null ? null : this.tableCommentStatement(t, t.comment);
  }

  protected emitIfAny(sql: string | null): void {
    if (sql !== null) this.emit(sql);
  }

  protected visitDropTableOp(op: DropTableOp): void {
    this.emit(`DROP TABLE ${this.table(op.table)}`);
  }

  protected visitRenameTableOp(op: RenameTableOp): void {
    this.emit(`ALTER TABLE ${this.table(op.table)} RENAME TO ${this.quote(op.newName)}`);
  }

  protected visitCreateTableCommentOp(op: CreateTableCommentOp): void {
    this.emitIfAny(this.tableCommentStatement(op.table, op.comment));
  }

  protected visitDropTableCommentOp(op: DropTableCommentOp): void {
    this.emitIfAny(this.tableCommentStatement(op.table, null));
  }

  // ---- column ops ---------------------------------------------------------------------------

  protected visitAddColumnOp(op: AddColumnOp): void {
    this.emit(`ALTER TABLE ${this.table(op.table)} ADD COLUMN ${this.columnSpec(op.column)}`);
    if (op.column.comment !== null)
      this.emitIfAny(this.columnCommentStatement(op.table, op.column.name, op.column.comment));
  }

  protected visitDropColumnOp(op: DropColumnOp): void {
    this.emit(`ALTER TABLE ${this.table(op.table)} DROP COLUMN ${this.quote(op.column.name)}`);
  }

  /**
   * One statement per changed aspect (https://www.postgresql.org/docs/current/sql-altertable.html):
   * type (with COLLATE and USING), nullability, default, identity, generation, comment, and the
   * rename last so that the statements before it still use the old name.
   */
  protected visitAlterColumnOp(op: AlterColumnOp): void {
    const m = op.modify;
    const alter = `ALTER TABLE ${this.table(op.table)} ALTER COLUMN ${this.quote(op.column)}`;
    if (m.autoIncrement !== undefined) this.unsupported("AlterColumnOp changing autoIncrement");
    if (m.charset !== undefined) this.unsupported("AlterColumnOp changing charset");
    if (m.onUpdate !== undefined) this.unsupported("AlterColumnOp changing onUpdate");
    if (m.type !== undefined || m.collation !== undefined) {
      const type = m.type ?? op.existing.type;
      if (type === undefined)
        throw new CommandError(`Changing the collation of ${op.column} needs its type: pass existingType`);
      const collation = m.collation !== undefined ? m.collation : (op.existing.collation ?? null);
      const collate = collation !== null ? ` ${this.collateClause(collation)}` : "";
      this.emit(`${alter} TYPE ${type}${collate}${op.using !== null ? ` USING ${op.using}` : ""}`);
    }
    if (m.nullable !== undefined) this.emit(`${alter} ${m.nullable ? "DROP NOT NULL" : "SET NOT NULL"}`);
    if (m.default !== undefined)
      this.emit(
        m.default === null ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${this.defaultExpression(m.default)}`,
      );
    if (m.identity !== undefined)
      this.emit(
        m.identity === null ? `${alter} DROP IDENTITY IF EXISTS` : `${alter} ADD ${this.identityClause(m.identity)}`,
      );
    if (m.generated !== undefined) {
      // PostgreSQL can only turn a generated column into a plain one in place.
      if (m.generated !== null) this.unsupported("AlterColumnOp adding a generation expression");
      this.emit(`${alter} DROP EXPRESSION`);
    }
    if (m.comment !== undefined) this.emitIfAny(this.columnCommentStatement(op.table, op.column, m.comment));
    if (m.name !== undefined && m.name !== op.column)
      this.emit(this.renameColumnStatement(op.table, op.column, m.name));
  }

  protected renameColumnStatement(table: QualifiedName, from: string, to: string): string {
    return `ALTER TABLE ${this.table(table)} RENAME COLUMN ${this.quote(from)} TO ${this.quote(to)}`;
  }

  // ---- indexes ------------------------------------------------------------------------------

  protected indexElement(e: IndexElement): string {
    if (e.length !== null) this.unsupported("index prefix length");
    const target = e.column !== null ? this.quote(e.column) : `(${e.expression})`;
    return target + (e.descending ? " DESC" : "") + (e.nulls ? ` NULLS ${e.nulls}` : "");
  }

  protected indexElements(i: Index): string {
    return i.elements.map((e) => this.indexElement(e)).join(", ");
  }

  /** The access method word (`gin`, `hash`): checked, since it is written unquoted. */
  protected indexMethod(using: string): string {
    if (!/^\w+$/.test(using)) throw new CommandError(`Invalid index method ${JSON.stringify(using)}`);
    return using.toLowerCase();
  }

  /** https://www.postgresql.org/docs/current/sql-createindex.html */
  protected createIndexStatement(table: QualifiedName, i: Index, concurrently: boolean): string {
    return (
      `CREATE ${i.unique ? "UNIQUE " : ""}INDEX ${concurrently ? "CONCURRENTLY " : ""}${this.quote(i.name)} ON ${this.table(table)}` +
      (i.using !== null ? ` USING ${this.indexMethod(i.using)}` : "") +
      ` (${this.indexElements(i)})` +
      (i.include.length ? ` INCLUDE (${this.columnList(i.include)})` : "") +
      (i.where !== null ? ` WHERE ${i.where}` : "")
    );
  }

  protected visitCreateIndexOp(op: CreateIndexOp): void {
    this.emit(this.createIndexStatement(op.table, op.index, op.concurrently));
  }

  /** An index lives in its table's schema. */
  protected visitDropIndexOp(op: DropIndexOp): void {
    this.emit(`DROP INDEX ${this.table(QualifiedName.create(op.index.name, op.table.schema))}`);
  }

  /** ALTER INDEX ... RENAME TO (PostgreSQL); the index lives in its table's schema. */
  protected visitRenameIndexOp(op: RenameIndexOp): void {
    const index = this.table(QualifiedName.create(op.index.name, op.table.schema));
    this.emit(`ALTER INDEX ${index} RENAME TO ${this.quote(op.newName)}`);
  }

  // ---- constraint ops -----------------------------------------------------------------------

  protected addConstraint(table: QualifiedName, clause: string): void {
    this.emit(`ALTER TABLE ${this.table(table)} ADD ${clause}`);
  }

  protected visitCreateUniqueConstraintOp(op: CreateUniqueConstraintOp): void {
    this.addConstraint(op.table, this.uniqueClause(op.constraint));
  }

  protected visitCreateForeignKeyOp(op: CreateForeignKeyOp): void {
    this.addConstraint(op.table, this.foreignKeyClause(op.constraint));
  }

  protected visitCreateCheckConstraintOp(op: CreateCheckConstraintOp): void {
    this.addConstraint(op.table, this.checkClause(op.constraint));
  }

  protected visitCreateExclusionConstraintOp(op: CreateExclusionConstraintOp): void {
    this.addConstraint(op.table, this.exclusionClause(op.constraint));
  }

  protected visitCreatePrimaryKeyOp(op: CreatePrimaryKeyOp): void {
    this.addConstraint(op.table, this.primaryKeyClause(op.constraint));
  }

  protected visitDropConstraintOp(op: DropConstraintOp): void {
    this.emit(`ALTER TABLE ${this.table(op.table)} DROP CONSTRAINT ${this.quote(this.constraintNameToDrop(op))}`);
  }

  /** ALTER TABLE ... RENAME CONSTRAINT (PostgreSQL: a unique constraint's index follows it). */
  protected visitRenameConstraintOp(op: RenameConstraintOp): void {
    const from = this.constraintNameToDrop(DropConstraintOp.create(op.table, op.constraint));
    this.emit(`ALTER TABLE ${this.table(op.table)} RENAME CONSTRAINT ${this.quote(from)} TO ${this.quote(op.newName)}`);
  }

  protected constraintNameToDrop(op: DropConstraintOp): string {
    if (op.constraint.name === null) {
      throw new CommandError(
        `Cannot drop an unnamed ${op.constraint.kind} of ${QualifiedName.key(op.table)}: give the constraint's name`,
      );
    }
    return op.constraint.name;
  }

  // ---- SQL and data -------------------------------------------------------------------------

  protected visitExecuteSQLOp(op: ExecuteSQLOp): void {
    this.emit(op.sql);
  }

  /** One INSERT per run of rows with the same keys, so a missing key never becomes an explicit NULL. */
  protected visitBulkInsertOp(op: BulkInsertOp): void {
    let run: (typeof op.rows)[number][] = [];
    const flush = () => {
      if (!run.length) return;
      const columns = Object.keys(run[0]);
      const values = run.map((r) => `(${columns.map((c) => this.literal(r[c])).join(", ")})`);
      this.emit(`INSERT INTO ${this.table(op.table)} (${this.columnList(columns)}) VALUES ${values.join(", ")}`);
      run = [];
    };
    for (const row of op.rows) {
      if (run.length && Object.keys(row).join("\0") !== Object.keys(run[0]).join("\0")) flush();
      run.push(row);
    }
    flush();
  }

  // ---- enums and schemas --------------------------------------------------------------------

  protected visitCreateEnumOp(op: CreateEnumOp): void {
    this.unsupported(op.kind);
  }

  protected visitDropEnumOp(op: DropEnumOp): void {
    this.unsupported(op.kind);
  }

  protected visitAddEnumValueOp(op: AddEnumValueOp): void {
    this.unsupported(op.kind);
  }

  protected visitRecreateEnumOp(op: RecreateEnumOp): void {
    this.unsupported(op.kind);
  }

  protected visitRenameEnumValueOp(op: RenameEnumValueOp): void {
    this.unsupported(op.kind);
  }

  protected visitCreateExtensionOp(op: CreateExtensionOp): void {
    this.unsupported(op.kind);
  }

  protected visitDropExtensionOp(op: DropExtensionOp): void {
    this.unsupported(op.kind);
  }

  protected visitCreateSchemaOp(op: CreateSchemaOp): void {
    this.emit(`CREATE SCHEMA ${this.quote(op.name)}`);
  }

  protected visitDropSchemaOp(op: DropSchemaOp): void {
    this.emit(`DROP SCHEMA ${this.quote(op.name)}`);
  }

  // ---- views --------------------------------------------------------------------------------

  protected visitCreateViewOp(op: CreateViewOp): void {
    this.emit(`CREATE VIEW ${this.table(op.view)} AS ${op.definition}`);
  }

  protected visitDropViewOp(op: DropViewOp): void {
    this.emit(`DROP VIEW ${this.table(op.view)}`);
  }

  /** https://www.postgresql.org/docs/current/sql-createview.html, https://mariadb.com/kb/en/create-view/ */
  protected visitReplaceViewOp(op: ReplaceViewOp): void {
    this.emit(`CREATE OR REPLACE VIEW ${this.table(op.view)} AS ${op.definition}`);
  }

  // ---- containers ---------------------------------------------------------------------------

  protected visitModifyTableOps(op: ModifyTableOps): void {
    for (const child of op.ops) this.visit(child);
  }

  /** The ops in place; a batch the dialect recreates cannot be compiled (the adapter's recreateTable runs it). */
  protected visitBatchAlterTableOp(op: BatchAlterTableOp): void {
    if (this.batchNeedsRecreate(op)) throw new BatchRecreateRequiredError(op, this.syntax.dialect);
    for (const child of op.ops) this.visit(child);
  }

  /**
   * The adapter's `requiresRecreate`, for the dialect's compiler: false where the dialect alters
   * everything in place (PostgreSQL, MySQL), so a batch block is just its ops there.
   */
  protected batchNeedsRecreate(_op: BatchAlterTableOp): boolean {
    return false;
  }
}

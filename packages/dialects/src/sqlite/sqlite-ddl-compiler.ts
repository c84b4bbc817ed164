import {
  CommandError,
  QualifiedName,
  Table,
  type AlterColumnOp,
  type BatchAlterTableOp,
  type Column,
  type CreateCheckConstraintOp,
  type CreateForeignKeyOp,
  type CreatePrimaryKeyOp,
  type CreateSchemaOp,
  type CreateTableCommentOp,
  type CreateUniqueConstraintOp,
  type DropConstraintOp,
  CreateIndexOp,
  DropIndexOp,
  type RenameConstraintOp,
  type RenameIndexOp,
  type DropSchemaOp,
  type DropTableCommentOp,
  type ReplaceViewOp,
  type Identity,
  type Index,
  type IndexElement,
} from "@autogen/core";
import { isBareDefault } from "../default-expression";
import { DefaultDdlCompiler, type ColumnSpecContext } from "../default-ddl-compiler";
import { isRenameOnly, sqliteRequiresRecreate } from "./sqlite-requires-recreate";
import { sqliteSyntax } from "./sqlite-syntax";

/**
 * SQLite: only what ALTER TABLE can do in place (https://www.sqlite.org/lang_altertable.html):
 * ADD COLUMN, DROP COLUMN (3.35+), RENAME COLUMN, RENAME TABLE, plus CREATE/DROP INDEX. Every
 * other change to an existing table throws UnsupportedOpError here; batch mode recreates the
 * table instead (planSqliteBatch). SQLite has no comments: they are left out, as reflection
 * and the canonical column leave them out.
 */
export class SqliteDdlCompiler extends DefaultDdlCompiler {
  constructor() {
    super(sqliteSyntax);
  }

  /**
   * AUTOINCREMENT exists only on the `INTEGER PRIMARY KEY` column constraint
   * (https://www.sqlite.org/autoinc.html), so such a key is declared inline.
   */
  protected override inlinePrimaryKeyColumn(t: Table): string | null {
    const pk = t.primaryKey;
    if (!pk || pk.columns.length !== 1) return null;
    return Table.column(t, pk.columns[0])?.autoIncrement ? pk.columns[0] : null;
  }

  protected override columnClauses(c: Column, ctx: ColumnSpecContext): string[] {
    const out: string[] = [];
    if (c.identity) out.push(this.identityClause(c.identity)); // throws: identity is PostgreSQL-only
    if (c.autoIncrement) {
      if (!ctx.table || this.inlinePrimaryKeyColumn(ctx.table) !== c.name) {
        throw new CommandError(
          `SQLite AUTOINCREMENT needs ${c.name} to be the table's only primary-key column, declared in CREATE TABLE`,
        );
      }
      out.push(`${this.constraintName(ctx.table.primaryKey?.name ?? null)}PRIMARY KEY AUTOINCREMENT`);
    }
    if (!c.nullable) out.push("NOT NULL");
    if (c.default !== null) out.push(`DEFAULT ${this.defaultExpression(c.default)}`);
    if (c.collation !== null) out.push(this.collateClause(c.collation));
    if (c.generated) out.push(this.generatedClause(c.generated));
    return out;
  }

  protected override identityClause(_i: Identity): string {
    throw new CommandError("SQLite has no identity columns: use autoIncrement");
  }

  protected override defaultExpression(expr: string): string {
    return isBareDefault(expr) ? expr : `(${expr})`;
  }

  /** SQLite resolves REFERENCES in the child's own database: the target is never qualified (https://www.sqlite.org/foreignkeys.html). */
  protected override referencedTable(name: QualifiedName): string {
    return this.quote(name.name);
  }

  protected override columnCommentStatement(): null {
    return null;
  }

  protected override tableCommentAfterCreate(): null {
    return null;
  }

  /** https://www.sqlite.org/withoutrowid.html, https://www.sqlite.org/stricttables.html */
  protected override tableOptions(t: Table): string {
    const flags = [
      t.options.withoutRowid === "true" ? "WITHOUT ROWID" : "",
      t.options.strict === "true" ? "STRICT" : "",
    ].filter(Boolean);
    return flags.length ? ` ${flags.join(", ")}` : "";
  }

  /** The schema qualifies the index name, and the table is then unqualified (https://www.sqlite.org/lang_createindex.html). */
  protected override createIndexStatement(table: QualifiedName, i: Index, concurrently: boolean): string {
    if (concurrently) this.unsupported("CREATE INDEX CONCURRENTLY");
    if (i.using !== null) this.unsupported(`index method ${i.using}`);
    if (i.include.length) this.unsupported("INCLUDE columns");
    return (
      `CREATE ${i.unique ? "UNIQUE " : ""}INDEX ${this.table(QualifiedName.create(i.name, table.schema))} ON ${this.quote(table.name)}` +
      ` (${this.indexElements(i)})` +
      (i.where !== null ? ` WHERE ${i.where}` : "")
    );
  }

  /** An indexed column has no NULLS FIRST/LAST in SQLite (https://www.sqlite.org/syntax/indexed-column.html). */
  protected override indexElement(e: IndexElement): string {
    if (e.nulls !== null) this.unsupported("NULLS FIRST/LAST in an index");
    return super.indexElement(e);
  }

  /** Only a rename runs in place. */
  protected override visitAlterColumnOp(op: AlterColumnOp): void {
    if (!isRenameOnly(op)) this.unsupported("AlterColumnOp other than a rename", true);
    if (op.modify.name !== op.column)
      this.emit(this.renameColumnStatement(op.table, op.column, op.modify.name as string));
  }

  protected override visitCreateUniqueConstraintOp(op: CreateUniqueConstraintOp): void {
    this.unsupported(op.kind, true);
  }

  protected override visitCreateForeignKeyOp(op: CreateForeignKeyOp): void {
    this.unsupported(op.kind, true);
  }

  protected override visitCreateCheckConstraintOp(op: CreateCheckConstraintOp): void {
    this.unsupported(op.kind, true);
  }

  protected override visitCreatePrimaryKeyOp(op: CreatePrimaryKeyOp): void {
    this.unsupported(op.kind, true);
  }

  protected override visitDropConstraintOp(op: DropConstraintOp): void {
    this.unsupported(op.kind, true);
  }

  /** Constraints are part of the table's definition: renamed by a batch that recreates it. */
  protected override visitRenameConstraintOp(op: RenameConstraintOp): void {
    this.unsupported(op.kind, true);
  }

  /** No index rename: the index is created again under the new name (the rows are not touched). */
  protected override visitRenameIndexOp(op: RenameIndexOp): void {
    this.visit(DropIndexOp.create(op.table, op.index));
    this.visit(CreateIndexOp.create(op.table, { ...op.index, name: op.newName }));
  }

  protected override visitCreateTableCommentOp(op: CreateTableCommentOp): void {
    this.unsupported(op.kind);
  }

  protected override visitDropTableCommentOp(op: DropTableCommentOp): void {
    this.unsupported(op.kind);
  }

  /** SQLite's schemas are attached database files, not objects DDL creates. */
  protected override visitCreateSchemaOp(op: CreateSchemaOp): void {
    this.unsupported(op.kind);
  }

  protected override visitDropSchemaOp(op: DropSchemaOp): void {
    this.unsupported(op.kind);
  }

  /** SQLite has no CREATE OR REPLACE VIEW (https://www.sqlite.org/lang_createview.html): drop and create, in the migration's transaction. */
  protected override visitReplaceViewOp(op: ReplaceViewOp): void {
    this.emit(`DROP VIEW ${this.table(op.view)}`);
    this.emit(`CREATE VIEW ${this.table(op.view)} AS ${op.definition}`);
  }

  /** The adapter's decision (sqliteRequiresRecreate): a batch that recreates cannot be compiled from its ops alone. */
  protected override batchNeedsRecreate(op: BatchAlterTableOp): boolean {
    return sqliteRequiresRecreate(op);
  }
}

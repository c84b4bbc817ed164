import {
  Column,
  CommandError,
  QualifiedName,
  type AlterColumnOp,
  type BatchAlterTableOp,
  CreateIndexOp,
  DropIndexOp,
  type OpNode,
  DropConstraintOp,
  type RenameConstraintOp,
  type RenameIndexOp,
  type Identity,
  type Index,
  type IndexElement,
  type RenameTableOp,
  type Table,
} from "@autogen/core";
import { isBareDefault } from "../default-expression";
import { DefaultDdlCompiler, type ColumnSpecContext } from "../default-ddl-compiler";
import { mysqlSyntax } from "./mysql-syntax";
import { addsOrDropsAutoIncrement, autoIncrementKeyIndexes } from "./mysql-auto-increment-key";

/** Column types whose default MySQL 8 takes only as a parenthesised expression. */
const EXPRESSION_DEFAULT_TYPES =
  /^(?:(?:tiny|medium|long)?(?:text|blob)|json|geometry|point|linestring|polygon|multipoint|multilinestring|multipolygon|geometrycollection)\b/i;

/** Index kinds MySQL writes before INDEX rather than as `USING` (https://dev.mysql.com/doc/refman/8.0/en/create-index.html). */
const INDEX_KIND_PREFIX: ReadonlySet<string> = new Set(["fulltext", "spatial"]);

/** MySQL / MariaDB: one full column spec per change, inline comments, table options, per-kind drops. */
export class MysqlDdlCompiler extends DefaultDdlCompiler {
  constructor() {
    super(mysqlSyntax);
  }

  /**
   * https://dev.mysql.com/doc/refman/8.0/en/create-table.html column_definition order. Nullable
   * columns say NULL explicitly: a TIMESTAMP column is otherwise NOT NULL on servers running with
   * explicit_defaults_for_timestamp off.
   */
  protected override columnClauses(c: Column, _ctx: ColumnSpecContext): string[] {
    const out: string[] = [];
    if (c.identity) out.push(this.identityClause(c.identity)); // throws: identity is PostgreSQL-only
    if (c.charset !== null) out.push(`CHARACTER SET ${this.word(c.charset)}`);
    if (c.collation !== null) out.push(this.collateClause(c.collation));
    if (c.generated) out.push(this.generatedClause(c.generated));
    // MariaDB refuses NULL and NOT NULL on generated columns (https://mariadb.com/kb/en/generated-columns/):
    // a nullable one says nothing, a NOT NULL one (MySQL 8 only) says so.
    if (!c.generated || !c.nullable) out.push(c.nullable ? "NULL" : "NOT NULL");
    if (c.default !== null) out.push(`DEFAULT ${this.columnDefault(c.type, c.default)}`);
    if (c.onUpdate !== null) out.push(`ON UPDATE ${c.onUpdate}`);
    if (c.autoIncrement) out.push("AUTO_INCREMENT");
    if (c.comment !== null) out.push(`COMMENT ${this.literal(c.comment)}`);
    return out;
  }

  /** Charset and collation names are bare words in MySQL; checked because they are not quoted. */
  protected word(name: string): string {
    if (!/^\w+$/.test(name)) throw new CommandError(`Invalid MySQL charset or collation name ${JSON.stringify(name)}`);
    return name;
  }

  protected override collateClause(collation: string): string {
    return `COLLATE ${this.word(collation)}`;
  }

  protected override identityClause(_i: Identity): string {
    throw new CommandError("MySQL has no identity columns: use autoIncrement");
  }

  protected override defaultExpression(expr: string): string {
    return isBareDefault(expr) ? expr : `(${expr})`;
  }

  /**
   * MySQL 8 accepts a default on TEXT, BLOB, JSON and spatial columns only as an expression in
   * parentheses (8.0.13+, https://dev.mysql.com/doc/refman/8.0/en/data-type-defaults.html);
   * MariaDB takes both forms and reports the plain literal either way.
   */
  protected columnDefault(type: string, expr: string): string {
    const written = this.defaultExpression(expr);
    return EXPRESSION_DEFAULT_TYPES.test(type) && !written.startsWith("(") ? `(${written})` : written;
  }

  protected override deferrableClause(c: { deferrable: boolean }): string {
    if (c.deferrable) throw new CommandError("MySQL constraints cannot be DEFERRABLE");
    return "";
  }

  /** Comments are part of the column spec and of the table options. */
  protected override columnCommentStatement(): null {
    return null;
  }

  protected override tableCommentStatement(table: QualifiedName, comment: string | null): string {
    return `ALTER TABLE ${this.table(table)} COMMENT = ${this.literal(comment ?? "")}`;
  }

  /** https://dev.mysql.com/doc/refman/8.0/en/create-table.html table_options */
  protected override tableOptions(t: Table): string {
    const o = t.options;
    const parts = [
      o.engine ? `ENGINE=${this.word(o.engine)}` : "",
      o.charset ? `DEFAULT CHARSET=${this.word(o.charset)}` : "",
      o.collation ? `COLLATE=${this.word(o.collation)}` : "",
      t.comment !== null ? `COMMENT=${this.literal(t.comment)}` : "",
    ].filter(Boolean);
    return parts.length ? ` ${parts.join(" ")}` : "";
  }

  /** The table comment is one of the table options. */
  protected override tableCommentAfterCreate(): null {
    return null;
  }

  /** RENAME TABLE keeps the table in its database (an unqualified ALTER ... RENAME TO would move it to the current one). */
  protected override visitRenameTableOp(op: RenameTableOp): void {
    this.emit(
      `RENAME TABLE ${this.table(op.table)} TO ${this.table(QualifiedName.create(op.newName, op.table.schema))}`,
    );
  }

  /**
   * MODIFY COLUMN (or CHANGE COLUMN for a rename) restates the whole column, so every attribute
   * not being changed comes from `op.existing`: anything left out would be reset
   * (https://dev.mysql.com/doc/refman/8.0/en/alter-table.html#alter-table-redefine-column).
   * The type and nullability must be known (or this throws rather than guess); any other
   * attribute `existing` does not mention is written as absent, so callers pass the whole
   * existing column, as autogenerate does. PostgreSQL's USING has no MySQL equivalent: MySQL
   * converts the values itself.
   */
  protected override visitAlterColumnOp(op: AlterColumnOp): void {
    const { name: newName, ...modify } = op.modify;
    const { name: _ignored, ...existing } = op.existing;
    const type = modify.type ?? existing.type;
    const nullable = modify.nullable ?? existing.nullable;
    if (type === undefined || nullable === undefined) {
      const missing = [type === undefined ? "existingType" : "", nullable === undefined ? "existingNullable" : ""]
        .filter(Boolean)
        .join(" and ");
      throw new CommandError(
        `MySQL restates the whole column ${op.column} of ${QualifiedName.key(op.table)} on ALTER: pass ${missing}`,
      );
    }
    const column = Column.create(newName ?? op.column, type, { ...existing, ...modify, nullable });
    const table = this.table(op.table);
    this.emit(
      newName !== undefined && newName !== op.column
        ? `ALTER TABLE ${table} CHANGE COLUMN ${this.quote(op.column)} ${this.columnSpec(column)}`
        : `ALTER TABLE ${table} MODIFY COLUMN ${this.columnSpec(column)}`,
    );
  }

  protected override indexElement(e: IndexElement): string {
    if (e.nulls !== null) this.unsupported("NULLS FIRST/LAST in an index");
    // A functional key part is an expression in its own parentheses.
    const target =
      e.column !== null ? this.quote(e.column) + (e.length !== null ? `(${e.length})` : "") : `(${e.expression})`;
    return target + (e.descending ? " DESC" : "");
  }

  protected override createIndexStatement(table: QualifiedName, i: Index, concurrently: boolean): string {
    if (concurrently) this.unsupported("CREATE INDEX CONCURRENTLY");
    if (i.where !== null) this.unsupported("partial index (WHERE)");
    if (i.include.length) this.unsupported("INCLUDE columns");
    const using = i.using?.toLowerCase() ?? null;
    const kind = using !== null && INDEX_KIND_PREFIX.has(using) ? `${using.toUpperCase()} ` : i.unique ? "UNIQUE " : "";
    const method =
      using !== null && !INDEX_KIND_PREFIX.has(using) ? ` USING ${this.indexMethod(using).toUpperCase()}` : "";
    return `CREATE ${kind}INDEX ${this.quote(i.name)} ON ${this.table(table)} (${this.indexElements(i)})${method}`;
  }

  /** The key an AUTO_INCREMENT column off the primary key needs exists as the table is created. */
  protected override inlineIndexes(t: Table): readonly Index[] {
    return autoIncrementKeyIndexes(t);
  }

  protected override inlineIndexClause(i: Index): string {
    return `${i.unique ? "UNIQUE " : ""}KEY ${this.quote(i.name)} (${this.indexElements(i)})`;
  }

  /**
   * A batch that adds or drops an AUTO_INCREMENT column is one ALTER TABLE: MySQL and MariaDB
   * refuse the column without its key ("there can be only one auto column and it must be
   * defined as a key"), so the column and its key are added, or dropped, by the same statement.
   * Other batches run their ops one statement each.
   */
  protected override visitBatchAlterTableOp(op: BatchAlterTableOp): void {
    if (!op.ops.some(addsOrDropsAutoIncrement)) return super.visitBatchAlterTableOp(op);
    const alter = `ALTER TABLE ${this.table(op.table)} `;
    const clauses = op.ops.flatMap((child) => this.alterClauses(alter, child));
    this.emit(alter + clauses.join(", "));
  }

  /** What `child` does to the table, as clauses of an ALTER TABLE starting with `alter`. */
  private alterClauses(alter: string, child: OpNode): string[] {
    if (CreateIndexOp.is(child)) return [`ADD ${this.inlineIndexClause(child.index)}`];
    if (DropIndexOp.is(child)) return [`DROP INDEX ${this.quote(child.index.name)}`];
    return new MysqlDdlCompiler().compile(child).map((sql) => {
      if (!sql.startsWith(alter))
        throw new CommandError(`MySQL cannot run ${child.kind} inside one ALTER TABLE: ${sql}`);
      return sql.slice(alter.length);
    });
  }

  protected override visitDropIndexOp(op: DropIndexOp): void {
    this.emit(`DROP INDEX ${this.quote(op.index.name)} ON ${this.table(op.table)}`);
  }

  /**
   * Each kind has its own DROP: a unique constraint is an index, and MariaDB has no DROP CHECK,
   * so checks use DROP CONSTRAINT, which MySQL 8.0.19+ and MariaDB 10.2+ both accept
   * (https://mariadb.com/kb/en/alter-table/#drop-constraint).
   */
  /** RENAME INDEX: MySQL 5.7+, MariaDB 10.5.2+. */
  protected override visitRenameIndexOp(op: RenameIndexOp): void {
    this.emit(
      `ALTER TABLE ${this.table(op.table)} RENAME INDEX ${this.quote(op.index.name)} TO ${this.quote(op.newName)}`,
    );
  }

  /**
   * A unique constraint is an index, renamed as one. A foreign key has no rename: it is dropped
   * and added under the new name in one ALTER TABLE, so the table is never without it.
   */
  protected override visitRenameConstraintOp(op: RenameConstraintOp): void {
    const c = op.constraint;
    const from = this.quote(this.constraintNameToDrop(DropConstraintOp.create(op.table, c)));
    const table = `ALTER TABLE ${this.table(op.table)}`;
    if (c.kind === "UniqueConstraint") return this.emit(`${table} RENAME INDEX ${from} TO ${this.quote(op.newName)}`);
    this.emit(`${table} DROP FOREIGN KEY ${from}, ADD ${this.foreignKeyClause({ ...c, name: op.newName })}`);
  }

  protected override visitDropConstraintOp(op: DropConstraintOp): void {
    const table = `ALTER TABLE ${this.table(op.table)}`;
    switch (op.constraint.kind) {
      case "PrimaryKey":
        return this.emit(`${table} DROP PRIMARY KEY`);
      case "ForeignKey":
        return this.emit(`${table} DROP FOREIGN KEY ${this.quote(this.constraintNameToDrop(op))}`);
      case "UniqueConstraint":
        return this.emit(`${table} DROP INDEX ${this.quote(this.constraintNameToDrop(op))}`);
      case "CheckConstraint":
        return this.emit(`${table} DROP CONSTRAINT ${this.quote(this.constraintNameToDrop(op))}`);
      case "ExclusionConstraint":
        return this.unsupported("exclusion constraint");
    }
  }
}

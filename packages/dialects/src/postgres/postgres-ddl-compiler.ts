import { CommandError, type AddEnumValueOp, type Column, type CreateEnumOp, type DropEnumOp, type Generated } from "@autogen/core";
import { DefaultDdlCompiler, type ColumnSpecContext } from "../default-ddl-compiler";
import { postgresSyntax } from "./postgres-syntax";

/** The serial pseudo-type of each integer type (https://www.postgresql.org/docs/current/datatype-numeric.html#DATATYPE-SERIAL). */
const SERIAL_OF: Readonly<Record<string, string>> = { smallint: "smallserial", integer: "serial", bigint: "bigserial" };

/** PostgreSQL: the default compiler's standard SQL, plus serial columns, stored-only generation and enums. */
export class PostgresDdlCompiler extends DefaultDdlCompiler {
  constructor() {
    super(postgresSyntax);
  }

  /**
   * autoIncrement is a serial column: reflection canonicalises `nextval('..._seq')` defaults to
   * autoIncrement, so writing serial keeps the round trip free of phantom diffs.
   */
  protected override columnType(c: Column): string {
    if (!c.autoIncrement || c.identity) return c.type;
    const serial = SERIAL_OF[c.type];
    if (!serial) throw new CommandError(`Column ${c.name}: autoIncrement needs smallint, integer or bigint on PostgreSQL, not ${c.type}`);
    return serial;
  }

  protected override columnClauses(c: Column, ctx: ColumnSpecContext): string[] {
    return super.columnClauses(c.autoIncrement && !c.identity ? { ...c, autoIncrement: false } : c, ctx);
  }

  /** PostgreSQL 15 has only stored generated columns. */
  protected override generatedClause(g: Generated): string {
    if (!g.stored) throw new CommandError("PostgreSQL has no virtual generated columns: use stored");
    return super.generatedClause(g);
  }

  /** https://www.postgresql.org/docs/current/sql-createtype.html */
  protected override visitCreateEnumOp(op: CreateEnumOp): void {
    this.emit(`CREATE TYPE ${this.table(op.enum)} AS ENUM (${op.enum.values.map((v) => this.literal(v)).join(", ")})`);
  }

  protected override visitDropEnumOp(op: DropEnumOp): void {
    this.emit(`DROP TYPE ${this.table(op.enum)}`);
  }

  /** https://www.postgresql.org/docs/current/sql-altertype.html */
  protected override visitAddEnumValueOp(op: AddEnumValueOp): void {
    const position = op.before !== null ? ` BEFORE ${this.literal(op.before)}` : op.after !== null ? ` AFTER ${this.literal(op.after)}` : "";
    this.emit(`ALTER TYPE ${this.table(op.enum)} ADD VALUE ${this.literal(op.value)}${position}`);
  }
}

import {
  CreateEnumOp,
  CreateTableOp,
  CreateViewOp,
  QualifiedName,
  sortedSchema,
  type OpNode,
  type Schema,
} from "@autogen/core";
import type { Dialect } from "./dialect";

/** One schema object written as the DDL that creates it. */
export interface ObjectDdl {
  readonly kind: "table" | "view" | "enum";
  /** `schema.name` or `name`. */
  readonly name: string;
  /** The statements, each ending with `;` and a newline. */
  readonly ddl: string;
}

/**
 * A schema as the DDL that creates it, one entry per object, in canonical order (enums, tables,
 * views; each by name): a table is its CREATE TABLE (one column or constraint a line) followed
 * by its comments and indexes, indexes and constraints sorted by name, written by the dialect's
 * own DDL compiler. Two schemas that are equal give equal text, so a text diff of two renderings
 * is a readable diff of the schemas.
 */
export function schemaDdl(dialect: Dialect, schema: Schema): ObjectDdl[] {
  const sorted = sortedSchema(schema);
  const compiler = dialect.createDdlCompiler();
  const ddl = (op: OpNode) =>
    compiler
      .compile(op)
      .map((s) => `${s};\n`)
      .join("");
  return [
    ...sorted.enums.map((e) => ({
      kind: "enum" as const,
      name: QualifiedName.key(e),
      ddl: ddl(CreateEnumOp.create(e)),
    })),
    ...sorted.tables.map((t) => ({
      kind: "table" as const,
      name: QualifiedName.key(t),
      ddl: ddl(CreateTableOp.create(t)),
    })),
    ...sorted.views.map((v) => ({
      kind: "view" as const,
      name: QualifiedName.key(v),
      // One definition line per line of SQL, so a changed view diffs line by line.
      ddl: ddl(CreateViewOp.create(QualifiedName.create(v.name, v.schema), v.definition.trim())),
    })),
  ];
}

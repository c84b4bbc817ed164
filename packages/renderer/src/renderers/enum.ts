import {
  type RenameEnumValueOp,
  RecreateEnumOp,
  type AddEnumValueOp,
  type CreateEnumOp,
  type CreateExtensionOp,
  type CreateSchemaOp,
  type DropEnumOp,
  type DropExtensionOp,
  type DropSchemaOp,
  type EnumColumnRef,
} from "@autogen/core";
import { lit } from "../lit";
import type { RenderContext } from "../render-context";
import { schemaOption } from "../table-call";

const opts = (o: Record<string, unknown>): string => (Object.keys(o).length ? `, ${lit(o)}` : "");

export const renderCreateEnum = (_ctx: RenderContext, op: CreateEnumOp): string[] => [
  `await op.createEnum(${lit(op.enum.name)}, ${lit(op.enum.values)}${opts(schemaOption(op.enum))});`,
];

/** The values are kept so a reader (and the downgrade's createEnum) knows what is dropped. */
export const renderDropEnum = (_ctx: RenderContext, op: DropEnumOp): string[] => [
  `await op.dropEnum(${lit(op.enum.name)}${opts({ existingValues: op.enum.values, ...schemaOption(op.enum) })});`,
];

/**
 * Inside an autocommit block: a value added in a transaction cannot be used before that
 * transaction commits (https://www.postgresql.org/docs/current/sql-altertype.html, Notes), so
 * the addition runs on its own, and later ops of the revision (a default, an UPDATE) may use it.
 * Online the block commits and begins again; offline it writes COMMIT; and BEGIN; around it.
 */
export const renderRenameEnumValue = (_ctx: RenderContext, op: RenameEnumValueOp): string[] => [
  `await op.renameEnumValue(${lit(op.enum.name)}, ${lit(op.value)}, ${lit(op.newValue)}${opts(schemaOption(op.enum))});`,
];

export const renderAddEnumValue = (_ctx: RenderContext, op: AddEnumValueOp): string[] => [
  "await op.autocommitBlock(async () => {",
  `  await op.addEnumValue(${lit(op.enum.name)}, ${lit(op.value)}${opts({
    ...(op.before !== null ? { before: op.before } : {}),
    ...(op.after !== null ? { after: op.after } : {}),
    ...schemaOption(op.enum),
  })});`,
  "});",
];

const columnInput = (c: EnumColumnRef): Record<string, unknown> => ({
  table: c.table.name,
  column: c.column,
  ...(c.array ? { array: true } : {}),
  ...(c.default !== null ? { default: c.default } : {}),
  ...(c.existingDefault !== null ? { existingDefault: c.existingDefault } : {}),
  ...schemaOption(c.table),
});

/**
 * A value removed, renamed or moved: the type is recreated and its columns converted. The
 * warning names the values rows may still hold, since the conversion fails on them; a reviewer
 * maps them first, or, for a value that was renamed, adds `renames: { old: "new" }` (the
 * conversion then maps the rows and defaults).
 */
export const renderRecreateEnum = (_ctx: RenderContext, op: RecreateEnumOp): string[] => {
  const removed = RecreateEnumOp.removedValues(op);
  const added = RecreateEnumOp.addedValues(op);
  const where = op.columns.map((c) => `${c.table.name}.${c.column}`).join(", ") || "no column";
  const quoted = (vs: readonly string[]): string => vs.map((v) => JSON.stringify(v)).join(", ");
  const warning = removed.length
    ? [
        `// WARNING: enum ${op.enum.name} is recreated without ${quoted(removed)}: rows of ${where} holding`,
        `// ${removed.length > 1 ? "these values" : "this value"} make the conversion fail; update them first${
          added.length ? `, or if a value was renamed (to ${quoted(added)}), pass renames: { old: "new" }` : ""
        }.`,
      ]
    : [
        `// WARNING: enum ${op.enum.name} is recreated (${Object.keys(op.renames).length ? "values renamed" : "values reordered"}); ${where} converted through text.`,
      ];
  return [
    ...warning,
    `await op.recreateEnum(${lit(op.enum.name)}, ${lit(op.enum.values)}, ${lit({
      existingValues: op.existingValues,
      columns: op.columns.map(columnInput),
      ...(Object.keys(op.renames).length ? { renames: op.renames } : {}),
      ...schemaOption(op.enum),
    })});`,
  ];
};

export const renderCreateExtension = (_ctx: RenderContext, op: CreateExtensionOp): string[] => [
  `await op.createExtension(${lit(op.name)}${opts(schemaOption(op))});`,
];
export const renderDropExtension = (_ctx: RenderContext, op: DropExtensionOp): string[] => [
  `await op.dropExtension(${lit(op.name)}${opts(schemaOption(op))});`,
];

export const renderCreateSchema = (_ctx: RenderContext, op: CreateSchemaOp): string[] => [
  `await op.createSchema(${lit(op.name)});`,
];
export const renderDropSchema = (_ctx: RenderContext, op: DropSchemaOp): string[] => [
  `await op.dropSchema(${lit(op.name)});`,
];

import type { AddEnumValueOp, CreateEnumOp, CreateSchemaOp, DropEnumOp, DropSchemaOp } from "@autogen/core";
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

export const renderAddEnumValue = (_ctx: RenderContext, op: AddEnumValueOp): string[] => [
  `await op.addEnumValue(${lit(op.enum.name)}, ${lit(op.value)}${opts({
    ...(op.before !== null ? { before: op.before } : {}),
    ...(op.after !== null ? { after: op.after } : {}),
    ...schemaOption(op.enum),
  })});`,
];

export const renderCreateSchema = (_ctx: RenderContext, op: CreateSchemaOp): string[] => [`await op.createSchema(${lit(op.name)});`];
export const renderDropSchema = (_ctx: RenderContext, op: DropSchemaOp): string[] => [`await op.dropSchema(${lit(op.name)});`];

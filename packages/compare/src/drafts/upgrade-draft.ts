import type { AddEnumValueOp, CreateViewOp, DropViewOp, Enum, EnumColumnRef, OpNode, Table } from "@autogen/core";
import type { ModifyTableDraft } from "./modify-table-draft";

/**
 * What schema-level comparators collect; compare.ts assembles it into UpgradeOps in the
 * documented order (schemas, enums, new tables, dropped tables, existing tables, dropped enums).
 */
export class UpgradeDraft {
  readonly createSchemas: string[] = [];
  /** Extensions the target needs that the database does not use yet (created right after the schemas). */
  readonly createExtensions: string[] = [];
  readonly createEnums: Enum[] = [];
  readonly enumValues: AddEnumValueOp[] = [];
  /** Enums whose values changed in a way ADD VALUE cannot express: recreated, with the columns that use them. */
  readonly replaceEnums: { readonly from: Enum; readonly to: Enum; readonly columns: readonly EnumColumnRef[] }[] = [];
  readonly dropEnums: Enum[] = [];
  readonly newTables: Table[] = [];
  readonly droppedTables: Table[] = [];
  readonly tables: ModifyTableDraft[] = [];
  /** View drops, run before every table change (a view can block a column change). */
  readonly dropViews: DropViewOp[] = [];
  /** View creations, run after every table change. */
  readonly createViews: CreateViewOp[] = [];
  /** Ops from plugin comparators (e.g. a custom view op), placed after the table ops. */
  readonly extraOps: OpNode[] = [];
}

export { compareSchemas } from "./compare";
export { stableJson } from "./same-value";
export type {
  CompareOptions,
  CompareDialect,
  FilterType,
  IncludeNameFn,
  IncludeObjectFn,
  CompareTypeFn,
  CompareServerDefaultFn,
  ParentNames,
  SchemaObject,
} from "./compare-options";
export { CompareContext, ALWAYS_EXCLUDED_TABLES } from "./compare-context";
export {
  ComparatorRegistry,
  Priority,
  CONTINUE,
  STOP,
  type CompareResult,
  type ComparatorTargets,
  type ComparatorTarget,
} from "./registry";
export { comparators, createDefaultRegistry } from "./default-registry";
export { AlterColumnDraft } from "./drafts/alter-column-draft";
export { ModifyTableDraft, TABLE_OP_GROUPS, type TableOpGroup } from "./drafts/modify-table-draft";
export { UpgradeDraft } from "./drafts/upgrade-draft";
export { orderTables, type TableOrder } from "./table-order";
export { typeChangeWarning } from "./type-change-warning";
export { enumValueAdditions } from "./comparators/enums";
export { compareWithRenames, type ComparedWithRenames, type RenameResolver } from "./renames/compare-with-renames";
export { findRenameCandidates, type FoundRename } from "./renames/find-rename-candidates";
export {
  describeRenameCandidate,
  renameHintFor,
  type RenameCandidate,
  type RenameKind,
} from "./renames/rename-candidate";
export { parseRenameHint, hintMatches, type RenameHint } from "./renames/rename-hints";

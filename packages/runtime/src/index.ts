export * from "./operations-api";
export * from "./ts-loader";
export { MigrationContext, type MigrationContextOptions } from "./migration-context";
export {
  implementationFor,
  implementationOf,
  compileAndExecute,
  runOp,
  type OpImplementation,
} from "./implementations";
export { OperationsImpl, createOperations } from "./operations";
export { BatchCollector } from "./batch-collector";
export { batchAlterTable, type BatchAlterTableRun } from "./batch-alter-table";
export { registerOperation, isRegisteredOperation, type OperationFactory } from "./custom-operations";
export { VersionTable, type VersionChange, type VersionTableOptions } from "./version-table";
export { RevisionsTable, type RevisionOperation, type UnfinishedRun } from "./revisions-table";
export { revisionFileHash } from "./revision-file-hash";
export type { ChangedRevision } from "./changed-revisions";
export { DEFAULT_VERSION_TABLE } from "@autogen/core";
export {
  upgrade,
  downgrade,
  stamp,
  applySteps,
  currentHeads,
  partlyAppliedRevisions,
  changedRevisionFiles,
  RunInterruptedError,
  type RunOptions,
} from "./migrator";
export { recordRevisionOps, type RecordedOp, type RecordRevisionOpsOptions } from "./record-revision-ops";

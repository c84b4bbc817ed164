export * from "./revision-errors";
export {
  catchRevisionErrors,
  commandErrorFor,
  type RangeEnds,
  type RevisionErrorTexts,
  type SeveralHeads,
} from "./catch-revision-errors";
export { parseRevisionHeader, type RevisionHeader } from "./revision-header";
export { Revision, verifyRevId } from "./revision";
export {
  RevisionMap,
  isRevision,
  type RevisionIdentifier,
  type ResolvedRevision,
  type IterateOptions,
} from "./revision-map";
export { describeStep, type MigrationStep, type StampStep, type VersionChange } from "./migration-step";
export { HeadMaintainer, type StampMove } from "./head-maintainer";
export { planUpgrade } from "./plan-upgrade";
export { buildSteps } from "./plan-steps";
export { planDowngrade } from "./plan-downgrade";
export { planStamp, planStampSteps, splitStampRanges } from "./plan-stamp";
export { parseRange } from "./parse-range";
export {
  ScriptDirectory,
  type ScriptDirectoryOptions,
  type NewRevisionPlan,
  type NewRevisionOptions,
} from "./script-directory";
export { generateRevId } from "./rev-id";
export {
  slugify,
  revisionFileName,
  formatCreateDate,
  DEFAULT_FILE_TEMPLATE,
  DEFAULT_TRUNCATE_SLUG_LENGTH,
} from "./revision-file-name";
export {
  formatHistoryLine,
  formatLogEntry,
  formatHeadOnly,
  formatDownRevision,
  type HeadOnlyOptions,
} from "./revision-format";
export {
  history,
  historyRevisions,
  headsLines,
  headRevisions,
  branchesLines,
  currentLines,
  showEntries,
  showRevisions,
  type HistoryOptions,
} from "./history";
export { revisionJson, type RevisionJson } from "./revision-json";
export { startingHeads, isUpToDate, assertUpToDate } from "./current-heads";

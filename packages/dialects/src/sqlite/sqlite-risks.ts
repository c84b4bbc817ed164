import { BATCHABLE_OP_KINDS, freeze, type OpNode } from "@autogen/core";
import type { RiskRules } from "../risks/risk-rules";
import { isInPlaceInBatch } from "./sqlite-requires-recreate";

/**
 * How SQLite treats a live table for each change (risk classification): whatever cannot run
 * in place recreates the table (the batch move-and-copy), which is the table-rewrite; types are
 * not enforced, so a narrowing loses nothing.
 */
export const sqliteRiskRules: RiskRules = freeze({
  product: "SQLite",
  typeChangeRewrite: () => null,
  narrowing: [] as const,
  notNullWithoutDefault: "fails" as const,
  setNotNull: null,
  createIndexLock: null,
  constraintValidation: () => null,
  // A renamed constraint is a recreate (recreatesTable).
  renameConstraintRewrite: () => null,
  addColumnRewrite: () => null,
  // Ops a batch block cannot hold never recreate the table.
  recreatesTable: (op: OpNode) => BATCHABLE_OP_KINDS.has(op.kind) && !isInPlaceInBatch(op),
});

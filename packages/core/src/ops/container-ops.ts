import { freeze } from "../freeze";
import type { QualifiedName } from "../schema/qualified-name";
import type { OpNode } from "./op-node";

/** The ops that touch one existing table, grouped as Alembic groups them. */
export interface ModifyTableOps extends OpNode {
  readonly kind: "ModifyTableOps";
  readonly table: QualifiedName;
  readonly ops: readonly OpNode[];
}
/**
 * Ops run through SQLite's move-and-copy ("batch") mode: the table is recreated with the
 * changes applied, its rows copied, and its indexes re-created. `recreate: "auto"` recreates
 * only when some op cannot run in place on the dialect.
 */
export interface BatchAlterTableOp extends OpNode {
  readonly kind: "BatchAlterTableOp";
  readonly table: QualifiedName;
  readonly ops: readonly OpNode[];
  readonly recreate: "auto" | "always" | "never";
}
export interface UpgradeOps extends OpNode {
  readonly kind: "UpgradeOps";
  readonly ops: readonly OpNode[];
}
export interface DowngradeOps extends OpNode {
  readonly kind: "DowngradeOps";
  readonly ops: readonly OpNode[];
}
/** A revision to be written: its header fields and both op trees (Alembic's MigrationScript directive). */
export interface MigrationScript extends OpNode {
  readonly kind: "MigrationScript";
  readonly revId: string;
  readonly message: string | null;
  /** Down revision(s): null for a base, an array for a merge. */
  readonly downRevision: string | readonly string[] | null;
  readonly branchLabels: readonly string[] | null;
  readonly dependsOn: readonly string[] | null;
  readonly versionPath: string | null;
  readonly upgradeOps: UpgradeOps;
  readonly downgradeOps: DowngradeOps;
  /** Extra imports the rendered file needs (e.g. from a renderItem hook). */
  readonly imports: readonly string[];
}

export const ModifyTableOps = freeze({
  is: (op: OpNode): op is ModifyTableOps => op.kind === "ModifyTableOps",
  create: (table: QualifiedName, ops: readonly OpNode[]): ModifyTableOps =>
    freeze({ kind: "ModifyTableOps", table, ops: [...ops] }),
});
export const BatchAlterTableOp = freeze({
  is: (op: OpNode): op is BatchAlterTableOp => op.kind === "BatchAlterTableOp",
  create: (
    table: QualifiedName,
    ops: readonly OpNode[],
    recreate: BatchAlterTableOp["recreate"] = "auto",
  ): BatchAlterTableOp => freeze({ kind: "BatchAlterTableOp", table, ops: [...ops], recreate }),
});
/**
 * The op kinds a batch block can hold: the table changes runtime's `BatchOperations` records.
 * The renderer writes only these inside `batchAlterTable`, and only these can make SQLite
 * recreate a table.
 */
export const BATCHABLE_OP_KINDS: ReadonlySet<string> = new Set([
  "AddColumnOp",
  "DropColumnOp",
  "AlterColumnOp",
  "CreateIndexOp",
  "DropIndexOp",
  "CreateUniqueConstraintOp",
  "CreateForeignKeyOp",
  "CreateCheckConstraintOp",
  "CreatePrimaryKeyOp",
  "DropConstraintOp",
  "RenameIndexOp",
  "RenameConstraintOp",
]);
export const UpgradeOps = freeze({
  is: (op: OpNode): op is UpgradeOps => op.kind === "UpgradeOps",
  create: (ops: readonly OpNode[] = []): UpgradeOps => freeze({ kind: "UpgradeOps", ops: [...ops] }),
});
export const DowngradeOps = freeze({
  is: (op: OpNode): op is DowngradeOps => op.kind === "DowngradeOps",
  create: (ops: readonly OpNode[] = []): DowngradeOps => freeze({ kind: "DowngradeOps", ops: [...ops] }),
});
export const MigrationScript = freeze({
  is: (op: OpNode): op is MigrationScript => op.kind === "MigrationScript",
  create: (p: Pick<MigrationScript, "revId"> & Partial<Omit<MigrationScript, "kind" | "revId">>): MigrationScript =>
    freeze({
      kind: "MigrationScript",
      revId: p.revId,
      message: p.message ?? null,
      downRevision: p.downRevision ?? null,
      branchLabels: p.branchLabels ?? null,
      dependsOn: p.dependsOn ?? null,
      versionPath: p.versionPath ?? null,
      upgradeOps: p.upgradeOps ?? UpgradeOps.create(),
      downgradeOps: p.downgradeOps ?? DowngradeOps.create(),
      imports: [...(p.imports ?? [])],
    }),
  cloneWith: (s: MigrationScript, patch: Partial<Omit<MigrationScript, "kind">>): MigrationScript =>
    freeze({ ...s, ...patch }),
  /** True when neither op tree holds an op (Alembic's `upgrade_ops.is_empty()`). */
  isEmpty: (s: MigrationScript): boolean => s.upgradeOps.ops.length === 0,
});

import {
  AlterColumnOp,
  ModifyTableOps,
  RenameEnumValueOp,
  RenameTableOp,
  UpgradeOps,
  applyOpsToSchema,
  sortedSchema,
  type OpNode,
  type QualifiedName,
  type Schema,
} from "@autogen/core";
import { compareSchemas } from "../compare";
import type { CompareOptions } from "../compare-options";
import { displayName, findRenameCandidates, type FoundRename } from "./find-rename-candidates";
import type { RenameCandidate } from "./rename-candidate";

/** How the candidates of one compare run are decided. */
export interface RenameResolver {
  /**
   * Candidates this returns true for are decided first (a `--rename` hint wins over a question
   * about a competing pair); it is the only way an implausible candidate is decided at all.
   */
  readonly isHinted?: (c: RenameCandidate) => boolean;
  /** True: the candidate is a rename. Called once per candidate, plausible or hinted. */
  readonly decide: (c: RenameCandidate) => boolean | Promise<boolean>;
}

/** The ops with the confirmed renames in front, and the candidates left as a drop plus an add. */
export interface ComparedWithRenames {
  readonly upgradeOps: UpgradeOps;
  readonly renamed: readonly RenameCandidate[];
  readonly unresolved: readonly RenameCandidate[];
}

const candidateKey = (f: FoundRename): string => `${f.fromKey}\u0001${f.toKey}`;

/**
 * compareSchemas, with rename candidates resolved: each round compares, finds the candidates
 * not yet decided, decides them (hinted ones first; a dropped or created object is renamed at
 * most once), applies the confirmed renames to the database's schema model and compares again,
 * until a round confirms nothing. A renamed table's columns, indexes and keys are thus
 * compared under its new name in the next round. The rename ops come first in the result, in
 * the order they were confirmed (tables before their columns): the rest of the ops were
 * compared against the renamed model and use the new names.
 */
export async function compareWithRenames(
  target: Schema,
  reflected: Schema,
  o: CompareOptions,
  resolver: RenameResolver,
): Promise<ComparedWithRenames> {
  const decided = new Set<string>();
  const renamed: RenameCandidate[] = [];
  const renameOps: OpNode[] = [];
  let current = reflected;
  let up = compareSchemas(target, current, o);
  for (;;) {
    const hinted = (f: FoundRename) => resolver.isHinted?.(f.candidate) ?? false;
    const open = findRenameCandidates(up.ops)
      .filter((f) => !decided.has(candidateKey(f)) && (f.plausible || hinted(f)))
      .map((f, i) => ({ f, i }))
      .sort((a, b) => Number(hinted(b.f)) - Number(hinted(a.f)) || a.i - b.i)
      .map((x) => x.f);
    const used = new Set<string>();
    const round: OpNode[] = [];
    for (const f of open) {
      if (used.has(f.fromKey) || used.has(f.toKey)) continue;
      decided.add(candidateKey(f));
      if (!(await resolver.decide(f.candidate))) continue;
      used.add(f.fromKey).add(f.toKey);
      renamed.push(f.candidate);
      round.push(f.op);
    }
    if (round.length === 0) break;
    renameOps.push(...round);
    current = sortedSchema(applyOpsToSchema(current, round));
    up = compareSchemas(target, current, o);
  }
  const unresolved = findRenameCandidates(up.ops)
    .filter((f) => f.plausible)
    .map((f) => f.candidate);
  const renames = groupByTable(renameOps);
  const rest = foldColumnChanges(renames, up.ops); // updates `renames` with what it takes over
  return { upgradeOps: UpgradeOps.create([...renames, ...rest]), renamed, unresolved };
}

/** Whether an op may involve the table (any field naming it): a conservative test, false only when surely not. */
function mentions(op: OpNode, table: string): boolean {
  const text = JSON.stringify(op);
  const name = JSON.stringify(table);
  return text.includes(`"name":${name}`) || text.includes(`"refTable":${name}`);
}

/** Ops that create what a column's new type may be (an enum type, its values, an extension's type, a schema). */
const PROVIDES_TYPES = new Set([
  "CreateSchemaOp",
  "CreateExtensionOp",
  "CreateEnumOp",
  "AddEnumValueOp",
  "RecreateEnumOp",
]);

/**
 * A renamed column that the rest of the revision alters first thing (rename + widen) becomes
 * one op: the rename op takes the change over (PostgreSQL alters, then renames; MySQL writes
 * one CHANGE COLUMN; SQLite's batch recreate copies the old column into the new one). Only
 * when no op in between may involve the table, so the order of everything else is kept, and
 * none creates a type the change may need (a PostgreSQL enum named after the renamed column).
 */
function foldColumnChanges(renames: OpNode[], rest: readonly OpNode[]): OpNode[] {
  const out = [...rest];
  renames.forEach((container, at) => {
    if (!ModifyTableOps.is(container)) return;
    const j = out.findIndex((op) => mentions(op, container.table.name));
    const next = out[j];
    if (next === undefined || !ModifyTableOps.is(next) || displayName(next.table) !== displayName(container.table))
      return;
    if (out.slice(0, j).some((op) => PROVIDES_TYPES.has(op.kind))) return;
    const ops = [...container.ops];
    let later = [...next.ops];
    for (;;) {
      const first = later[0];
      if (first === undefined || !AlterColumnOp.is(first) || first.modify.name !== undefined) break;
      const i = ops.findIndex(
        (r) => AlterColumnOp.is(r) && r.modify.name === first.column && Object.keys(r.modify).length === 1,
      );
      if (i < 0) break;
      const r = ops[i] as AlterColumnOp;
      ops[i] = AlterColumnOp.create(r.table, r.column, { ...first.modify, name: first.column }, r.existing, {
        using: first.using,
        warning: first.warning,
      });
      later = later.slice(1);
    }
    if (later.length === next.ops.length) return;
    renames[at] = ModifyTableOps.create(container.table, ops);
    if (later.length) out[j] = ModifyTableOps.create(next.table, later);
    else out.splice(j, 1);
  });
  return out;
}

/**
 * Table and enum-value renames stay top-level ops; the renames inside a table go in one
 * ModifyTableOps per table, in order.
 */
function groupByTable(ops: readonly OpNode[]): OpNode[] {
  const out: OpNode[] = [];
  for (const op of ops) {
    if (RenameTableOp.is(op) || RenameEnumValueOp.is(op)) {
      out.push(op);
      continue;
    }
    const table = (op as OpNode & { table: QualifiedName }).table;
    const at = out.findIndex((x) => ModifyTableOps.is(x) && displayName(x.table) === displayName(table));
    if (at < 0) out.push(ModifyTableOps.create(table, [op]));
    else out[at] = ModifyTableOps.create(table, [...(out[at] as ModifyTableOps).ops, op]);
  }
  return out;
}

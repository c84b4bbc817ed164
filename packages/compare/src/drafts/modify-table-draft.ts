import { ModifyTableOps, compareText, type OpNode, type QualifiedName, type Table } from "@autogen/core";

/**
 * The groups of a ModifyTableOps, in the order they run. Column additions come first (later
 * groups may index or reference them), column drops last (earlier groups may drop what
 * depends on them); foreign keys are dropped before indexes, since MySQL refuses to drop an
 * index a foreign key needs (Alembic #902), and added after them. A primary key is dropped
 * before columns are altered (a PK column cannot become nullable) and added after. Foreign
 * keys that would block a column change (MySQL refuses to change the type of a column a key
 * uses) are dropped first of all, in `blockingForeignKeys`, and added back with the others.
 * Checks and exclusions are dropped before columns are altered: one that reads a retyped column
 * would make the ALTER fail (PostgreSQL: `varchar >= integer`; MySQL re-validates it).
 */
export const TABLE_OP_GROUPS = [
  "addedColumns",
  "blockingForeignKeys",
  "droppedPrimaryKey",
  "droppedChecks",
  "droppedExclusions",
  "alteredColumns",
  "droppedForeignKeys",
  "droppedIndexes",
  "addedPrimaryKey",
  "addedIndexes",
  "addedForeignKeys",
  "addedChecks",
  "addedExclusions",
  "comment",
  "droppedColumns",
] as const;
export type TableOpGroup = (typeof TABLE_OP_GROUPS)[number];

interface Entry {
  readonly group: TableOpGroup;
  readonly sortKey: string;
  readonly seq: number;
  readonly op: OpNode;
}

/** The ops table comparators collect for one existing table; sorted by name within each group. */
export class ModifyTableDraft {
  readonly #entries: Entry[] = [];
  readonly name: QualifiedName;

  constructor(
    readonly target: Table,
    readonly reflected: Table,
  ) {
    this.name = { schema: reflected.schema, name: reflected.name };
  }

  /** Adds ops to a group; `sortKey` (usually the object's name) orders them within it. */
  add(group: TableOpGroup, sortKey: string, ...ops: OpNode[]): void {
    for (const op of ops) this.#entries.push({ group, sortKey, seq: this.#entries.length, op });
  }

  /** The ops of one group, in final order. */
  ops(group: TableOpGroup): OpNode[] {
    if (this.#entries.length === 0) return [];
    return this.#sorted()
      .filter((e) => e.group === group)
      .map((e) => e.op);
  }

  /** Removes and returns the ops of a group that match (the compare driver moves some elsewhere). */
  take(group: TableOpGroup, match: (op: OpNode) => boolean): OpNode[] {
    if (this.#entries.length === 0) return [];
    const taken = this.#sorted().filter((e) => e.group === group && match(e.op));
    for (const e of taken) this.#entries.splice(this.#entries.indexOf(e), 1);
    return taken.map((e) => e.op);
  }

  get isEmpty(): boolean {
    return this.#entries.length === 0;
  }

  toOp(): ModifyTableOps | null {
    if (this.isEmpty) return null;
    return ModifyTableOps.create(
      this.name,
      this.#sorted().map((e) => e.op),
    );
  }

  #sorted(): Entry[] {
    return [...this.#entries].sort(
      (a, b) =>
        TABLE_OP_GROUPS.indexOf(a.group) - TABLE_OP_GROUPS.indexOf(b.group) ||
        compareText(a.sortKey, b.sortKey) ||
        a.seq - b.seq,
    );
  }
}

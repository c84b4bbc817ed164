import { CommandError } from "@autogen/core";
import type { Revision } from "./revision";
import type { RevisionMap } from "./revision-map";
import type { VersionChange } from "./migration-step";

/** The shape of a stamp movement that {@link HeadMaintainer.stamp} understands (Alembic's `StampStep`). */
export interface StampMove {
  from: readonly string[];
  to: readonly string[];
  isUpgrade: boolean;
  /** Creates or deletes a whole branch (a row) rather than moving one. */
  branchMove: boolean;
}

/**
 * Simulates the version table (one row per current head) the way Alembic's `HeadMaintainer`
 * changes it, and records the INSERT/UPDATE/DELETE each step needs. Where Alembic picks from a
 * Python set, this picks in declared order, so the statements are the same on every run.
 */
export class HeadMaintainer {
  readonly #map: RevisionMap;
  readonly #heads: Set<string>;
  /** Ancestor masks per revision: a head that stays put is asked about at every step of another branch. */
  readonly #ancestors = new Map<string, Uint8Array>();

  constructor(map: RevisionMap, heads: readonly string[]) {
    this.#map = map;
    this.#heads = new Set(heads);
  }

  /** The current heads, in the order they entered the table. */
  get heads(): string[] {
    return [...this.#heads];
  }

  /** Applies one revision step; returns the version-table changes in execution order. */
  step(rev: Revision, isUpgrade: boolean): VersionChange[] {
    const heads = this.#heads;
    const downs = rev.normalizedDownRevisions;
    const changes: VersionChange[] = [];
    if (!isUpgrade && heads.has(rev.revision) && (downs.length === 0 || this.#unmergeTargets(rev).length === 0)) {
      // Downgrading a base, or to revisions the other heads already imply.
      this.#delete(rev.revision, changes);
    } else if (isUpgrade && (downs.length === 0 || !downs.some((d) => heads.has(d)))) {
      // A base, or none of its parents is a current head: a new branch.
      this.#insert(rev.revision, changes);
    } else if (isUpgrade && downs.length > 1 && downs.filter((d) => heads.has(d)).length > 1) {
      // Merge: keep one parent's row and move it, delete the others.
      const others = [...heads].filter((h) => !downs.includes(h));
      let parents = downs.filter((d) => heads.has(d) && !this.#impliedBy(others, d));
      if (parents.length === 0) parents = downs.filter((d) => heads.has(d));
      const [kept, ...dropped] = parents;
      for (const d of dropped) this.#delete(d, changes);
      this.#update(kept!, rev.revision, changes);
    } else if (!isUpgrade && heads.has(rev.revision) && downs.length > 1) {
      // Unmerge: move the row to the first parent, insert the other parents not implied elsewhere.
      const [kept, ...inserted] = this.#unmergeTargets(rev);
      for (const d of inserted) this.#insert(d, changes);
      this.#update(rev.revision, kept!, changes);
    } else {
      let down: string;
      if (downs.length === 1) {
        down = downs[0]!;
      } else {
        const present = downs.filter((d) => heads.has(d));
        if (present.length !== 1)
          throw new CommandError(
            `Can't do an UPDATE for revision ${rev.revision} because its down revision is ambiguous`,
          );
        down = present[0]!;
      }
      if (isUpgrade) this.#update(down, rev.revision, changes);
      else this.#update(rev.revision, down, changes);
    }
    return changes;
  }

  /** Applies one stamp movement (Alembic's `StampStep` rules). */
  stamp(move: StampMove): VersionChange[] {
    const heads = this.#heads;
    const changes: VersionChange[] = [];
    if (!move.isUpgrade && move.branchMove) {
      this.#delete(move.from[0]!, changes);
    } else if (
      move.isUpgrade &&
      (move.branchMove || move.from.some((f) => !heads.has(f))) &&
      move.to.some((t) => !heads.has(t))
    ) {
      this.#insert(move.to[0]!, changes);
    } else if (move.from.length > 1) {
      for (const f of move.from.slice(0, -1)) this.#delete(f, changes);
      this.#update(move.from[move.from.length - 1]!, move.to[0]!, changes);
    } else {
      this.#update(move.from[0]!, move.to[0]!, changes);
    }
    return changes;
  }

  /** The parents a downgraded revision hands its row to: those no other head already implies. */
  #unmergeTargets(rev: Revision): readonly string[] {
    const targets = rev.normalizedDownRevisions;
    const others = [...this.#heads].filter((h) => h !== rev.revision);
    if (others.length > 0) return targets.filter((t) => !this.#impliedBy(others, t));
    // A single parent cannot be implied by itself; several may imply each other.
    if (targets.length < 2) return targets;
    return targets.filter((t) => !targets.some((other) => other !== t && this.#isAncestor(t, other)));
  }

  /** Whether `id` is one of `heads` or an ancestor of one (through dependencies too). */
  #impliedBy(heads: readonly string[], id: string): boolean {
    return heads.some((h) => this.#isAncestor(id, h));
  }

  /** Whether `ancestor` is `of` or one of its ancestors. */
  #isAncestor(ancestor: string, of: string): boolean {
    let mask = this.#ancestors.get(of);
    if (!mask) {
      mask = this.#map.ancestorMask(this.#revision(of));
      this.#ancestors.set(of, mask);
    }
    return mask[this.#revision(ancestor)._index] === 1;
  }

  #revision(id: string): Revision {
    const rev = this.#map.byId(id) ?? this.#map.getRevisionRaw(id);
    if (!rev) throw new CommandError(`Can't locate revision identified by '${id}'`);
    return rev;
  }

  #insert(version: string, changes: VersionChange[]): void {
    if (this.#heads.has(version)) throw new CommandError(`Version ${version} is already present in the version table`);
    this.#heads.add(version);
    changes.push({ op: "insert", version });
  }

  #delete(version: string, changes: VersionChange[]): void {
    this.#heads.delete(version);
    changes.push({ op: "delete", version });
  }

  #update(from: string, to: string, changes: VersionChange[]): void {
    if (this.#heads.has(to)) throw new CommandError(`Version ${to} is already present in the version table`);
    this.#heads.delete(from);
    this.#heads.add(to);
    changes.push({ op: "update", from, to });
  }
}

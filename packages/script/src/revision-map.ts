import { inspect } from "node:util";
import { catchRevisionErrors } from "./catch-revision-errors";
import { Revision, dedupe } from "./revision";
import type { RevisionHeader } from "./revision-header";
import {
  AmbiguousRevisionError,
  CycleDetectedError,
  DependencyCycleDetectedError,
  MultipleHeadsError,
  RangeNotAncestorError,
  ResolutionError,
  RevisionError,
} from "./revision-errors";

/** One or more revision identifiers (ids, partial ids, labels, symbols); null and `[]` mean base. */
export type RevisionIdentifier = string | readonly string[] | null;

/** What an identifier resolves to: a revision, `"base"` (walked below a base), or null (nothing). */
export type ResolvedRevision = Revision | "base" | null;

/** Options of {@link RevisionMap.iterateRevisions}, Alembic's `iterate_revisions` keywords. */
export interface IterateOptions {
  /** Also pull in revisions of other branches that the targets need (dependencies). */
  implicitBase?: boolean;
  /** Include the lower revision(s) themselves. */
  inclusive?: boolean;
  /** A relative step that walks past the end of the graph is an error (else it stops at the end). */
  assertRelativeLength?: boolean;
  /** Select what to downgrade: `upper` are the current heads, `lower` the downgrade target. */
  selectForDowngrade?: boolean;
  /** Receives Alembic's warnings (e.g. `downgrade -1` from several heads). */
  onWarning?: (message: string) => void;
}

// Alembic's `_relative_destination`: [label@][symbol](+|-)N, anchored at the start only.
const RELATIVE_RE = /^(?:(.+?)@)?(\w+)?((?:\+|-)\d+)/;
const INT_RE = /^\s*[+-]?\d+\s*$/;

/**
 * The revision graph with Alembic's semantics (`alembic/script/revision.py`): heads and effective
 * heads, bases, branch labels and their propagation, `dependsOn`, identifier resolution (partial
 * ids, `label@head`, relative `+N`/`-N`) and the traversal order used for history and migration
 * steps. Revisions keep the order of the headers given (file-name order), which decides every
 * otherwise free choice, so the same files always give the same order.
 *
 * Methods named like Alembic's public `ScriptDirectory` API ({@link getRevision},
 * {@link getRevisions}) throw command-level texts (`Can't locate revision identified by 'x'`,
 * `Multiple head revisions are present for given argument 'head'; ...`) with the raw
 * {@link RevisionError} as `cause`; the graph-level methods ({@link iterateRevisions},
 * {@link getRevisionsRaw}, ...) throw the raw RevisionError texts. All are CommandErrors (exit 2).
 */
export class RevisionMap {
  /** Versioned heads: revisions no other revision names as down revision, in file order. */
  readonly heads: string[];
  /** Heads that nothing depends on either (`heads` as a target symbol). */
  readonly realHeads: string[];
  /** Revisions without down revision, in file order. */
  readonly bases: string[];
  /** Bases that depend on nothing either. */
  readonly realBases: string[];

  /** Ids and branch labels to revisions. */
  readonly #map = new Map<string, Revision>();
  /** Revision ids only, in file order. */
  readonly #revisions: Revision[] = [];

  /**
   * Builds and validates the graph. Throws (CommandError, exit 2) on a duplicate id (`Revision X is
   * present more than once`), a missing down revision or dependency (`Revision X referenced from Y
   * is not present`), self-loops, cycles, dependency cycles, illegal characters in an id and a
   * branch label used twice.
   */
  constructor(headers: readonly RevisionHeader[]) {
    const heads = new Set<Revision>();
    const realHeads = new Set<Revision>();
    const bases: Revision[] = [];
    const realBases: Revision[] = [];
    const labeled: Revision[] = [];
    const byId = new Map<string, Revision>();

    for (const header of headers) {
      const rev = new Revision(header);
      if (byId.has(rev.revision)) throw new RevisionError(`Revision ${rev.revision} is present more than once`);
      byId.set(rev.revision, rev);
      rev._index = this.#revisions.length;
      this.#revisions.push(rev);
      if (rev.ownBranchLabels.length > 0) labeled.push(rev);
      heads.add(rev);
      realHeads.add(rev);
      if (rev.isBase) bases.push(rev);
      if (rev.isRealBase) realBases.push(rev);
    }
    for (const [id, rev] of byId) this.#map.set(id, rev);

    // Labels become map keys so that dependencies and targets may name them.
    for (const rev of labeled) {
      for (const label of rev.ownBranchLabels) {
        const existing = this.#map.get(label);
        if (existing) {
          throw new RevisionError(
            `Branch name '${label}' in revision ${rev.revision} already used by revision ${existing.revision}`,
          );
        }
        this.#map.set(label, rev);
      }
    }

    for (const rev of this.#revisions) {
      if (rev.dependsOn === null) continue;
      rev._setResolvedDependencies(
        rev.dependsOn.map((dep) => {
          const target = this.#map.get(dep);
          if (!target) throw new RevisionError(`Revision ${dep} referenced from ${rev.revision} is not present`);
          return target.revision;
        }),
      );
    }

    for (const rev of this.#revisions) {
      for (const downId of rev.allDownRevisions) {
        // Down revisions must be ids; dependencies were resolved to ids above.
        const down = byId.get(downId);
        if (!down) throw new RevisionError(`Revision ${downId} referenced from ${rev.revision} is not present`);
        down._addNextRev(rev);
        if (rev.downRevisions.includes(downId)) heads.delete(down);
        realHeads.delete(down);
      }
    }

    // Edges as objects: every walk below follows them without a map lookup per edge.
    const none: readonly Revision[] = [];
    const resolve = (ids: readonly string[]) => (ids.length === 0 ? none : ids.map((id) => byId.get(id)!));
    for (const rev of this.#revisions) {
      rev._down = resolve(rev.downRevisions);
      rev._allDown = resolve(rev.allDownRevisions);
      rev._next = resolve(rev._nextRevs);
      rev._allNext = resolve(rev._allNextRevs);
    }
    const parentsFirst = this.#detectCycles(heads, bases, realHeads, realBases);
    this.#normalizeDependsOn(parentsFirst);
    for (const rev of this.#revisions) rev._normalizedDown = resolve(rev.normalizedDownRevisions);

    this.heads = [...heads].map((r) => r.revision);
    this.realHeads = [...realHeads].map((r) => r.revision);
    this.bases = bases.map((r) => r.revision);
    this.realBases = realBases.map((r) => r.revision);
    this.#addBranches(labeled);
  }

  /** All revisions in file order. */
  get revisions(): readonly Revision[] {
    return this.#revisions;
  }

  /** The revision with this exact id (no symbols, no prefixes), or undefined. */
  byId(id: string): Revision | undefined {
    const rev = this.#map.get(id);
    return rev && rev.revision === id ? rev : undefined;
  }

  /** The revision an exact id or branch label names (no prefixes, no symbols), or undefined. */
  byKey(key: string): Revision | undefined {
    return this.#map.get(key);
  }

  // ---------------------------------------------------------------- public resolution (command texts)

  /**
   * Resolves a full id, a unique prefix of an id or label (matched against keys longer than three
   * characters, as Alembic does), a branch label, `label@rev`,
   * `head` or `label@head`; `base` gives null. Several heads for `head` throw Alembic's
   * `Multiple head revisions are present for given argument 'head'; please specify a specific
   * target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads`;
   * an unknown id throws `Can't locate revision identified by 'x'`.
   */
  getRevision(id: string): Revision | null {
    return catchRevisionErrors(() => this.getRevisionRaw(id));
  }

  /** Resolves a target that may name several revisions (`heads`, `label@heads`, a list, `-1`, ...). */
  getRevisions(target: string | readonly string[]): Revision[] {
    return catchRevisionErrors(() => this.getRevisionsRaw(target)).filter(isRevision);
  }

  /**
   * Alembic's `get_all_current`: the given heads plus everything they imply through dependencies,
   * reduced to branch tips. Used by `current` to show effective heads. In file order.
   */
  getAllCurrent(ids: readonly string[]): Revision[] {
    return catchRevisionErrors(() => this.#sortByOrder([...this.getAllCurrentRaw(ids)]));
  }

  // ---------------------------------------------------------------- graph-level resolution (raw texts)

  /** `getRevision` throwing the raw RevisionError texts. */
  getRevisionRaw(id: string | null): Revision | null {
    const [resolved, branchLabel] = this.resolveRevisionNumber(id);
    if (resolved.length > 1) throw new MultipleHeadsError(resolved, id);
    return this.#revisionForIdent(resolved[0] ?? null, branchLabel);
  }

  /** `getRevisions` throwing the raw texts and keeping `"base"`/null results of relative walks. */
  getRevisionsRaw(id: RevisionIdentifier | readonly (string | null)[]): ResolvedRevision[] {
    if (Array.isArray(id)) return (id as readonly (string | null)[]).flatMap((elem) => this.getRevisionsRaw(elem));
    const [resolved, branchLabel] = this.resolveRevisionNumber(id as string | null);
    if (resolved.length === 1 && INT_RE.test(resolved[0]!)) {
      const steps = parseInt(resolved[0]!, 10);
      if (steps < 0) {
        // label@-n: walk down from the heads (of that branch).
        let selectHeads = this.getRevisionsRaw("heads").filter(isRevision);
        if (branchLabel !== null) selectHeads = selectHeads.filter((h) => h.branchLabels.includes(branchLabel));
        return selectHeads.map((head) => this.#walk(head, steps));
      }
    }
    return resolved.map((r) => this.#revisionForIdent(r, branchLabel));
  }

  /** Splits `label@symbol` and expands `heads`, `head` and `base` into ids. */
  resolveRevisionNumber(id: RevisionIdentifier): [string[], string | null] {
    assertStringIdentifier(id);
    let branchLabel: string | null = null;
    let symbol: RevisionIdentifier = id;
    if (typeof id === "string" && id.includes("@")) {
      const at = id.indexOf("@");
      branchLabel = id.slice(0, at) || null;
      symbol = id.slice(at + 1);
    }
    if (symbol === "heads") {
      return branchLabel !== null
        ? [this.filterForLineage(this.heads, branchLabel), branchLabel]
        : [[...this.realHeads], null];
    }
    if (symbol === "head") {
      const current = this.#getCurrentHead(branchLabel);
      return [current !== null ? [current] : [], branchLabel];
    }
    if (symbol === "base" || symbol === null || symbol === "") return [[], branchLabel];
    return [typeof symbol === "string" ? [symbol] : [...symbol], branchLabel];
  }

  /** The targets that share lineage (are ancestors or descendants) with `checkAgainst`. */
  filterForLineage<T extends Revision | string>(
    targets: readonly T[],
    checkAgainst: string | null,
    includeDependencies = false,
  ): T[] {
    const [ids, branchLabel] = this.resolveRevisionNumber(checkAgainst);
    const shares: string[] = branchLabel !== null ? [branchLabel, ...ids] : ids;
    return targets.filter((t) => this.#sharesLineage(t, shares, includeDependencies));
  }

  /** Alembic's `_get_all_current` (see {@link getAllCurrent}), raw texts, as an insertion-ordered set. */
  getAllCurrentRaw(ids: readonly (string | null)[]): Set<Revision> {
    const top = new Set<Revision>(this.getRevisionsRaw(ids).filter(isRevision));
    for (const rev of this.ancestors([...top], { includeDependencies: true })) top.add(rev);
    return this.#filterIntoBranchHeads(top);
  }

  // ---------------------------------------------------------------- traversal

  /**
   * Alembic's `iterate_revisions`: the revisions between `upper` and `lower`, newest first, in the
   * order of Alembic's topological sort (depth-first per branch, every branch finished at its
   * branch point before going below it; ties broken by file order). Raw texts.
   */
  iterateRevisions(upper: RevisionIdentifier, lower: RevisionIdentifier, o: IterateOptions = {}): Revision[] {
    const opts = {
      inclusive: o.inclusive ?? false,
      implicitBase: o.implicitBase ?? false,
      assertRelativeLength: o.assertRelativeLength ?? true,
      onWarning: o.onWarning,
    };
    const [revisions, heads] = o.selectForDowngrade
      ? this.#collectDowngradeRevisions(upper, lower, opts)
      : this.#collectUpgradeRevisions(upper, lower, opts);
    return this.#topologicalSort(revisions, heads);
  }

  /** Descendants of the targets (the targets included), depth-first. */
  descendants(targets: readonly Revision[], o: { includeDependencies?: boolean; check?: boolean } = {}): Revision[] {
    const fn = o.includeDependencies === false ? (r: Revision) => r._next : (r: Revision) => r._allNext;
    return this.#iterateRelated(fn, targets, o.check ?? false);
  }

  /** Ancestors of the targets (the targets included), depth-first; with dependencies by default. */
  ancestors(targets: readonly Revision[], o: { includeDependencies?: boolean; check?: boolean } = {}): Revision[] {
    const fn = o.includeDependencies === false ? (r: Revision) => r._down : (r: Revision) => r._normalizedDown;
    return this.#iterateRelated(fn, targets, o.check ?? false);
  }

  /**
   * The ancestors of `rev` (itself included, through dependencies) as a bitmap indexed by file
   * position (`Revision` order in {@link revisions}): cheap membership tests on large graphs.
   */
  ancestorMask(rev: Revision): Uint8Array {
    const bits = new Uint8Array(this.#revisions.length);
    const stack: Revision[] = [rev];
    while (stack.length > 0) {
      const r = stack.pop()!;
      if (bits[r._index] === 1) continue;
      bits[r._index] = 1;
      for (const d of r._normalizedDown) if (bits[d._index] === 0) stack.push(d);
    }
    return bits;
  }

  // ---------------------------------------------------------------- construction helpers

  /**
   * A dependency that an ancestor (through down revisions) already declares is implied and is not
   * an edge of its own. Computed parents first, sharing the inherited set along plain lines, so a
   * long history costs one pass instead of one ancestor walk per dependent revision.
   */
  #normalizeDependsOn(parentsFirst: readonly Revision[]): void {
    if (!this.#revisions.some((r) => r._resolvedDependencies.length > 0)) return;
    const EMPTY: ReadonlySet<string> = new Set();
    const inherited = new Map<Revision, ReadonlySet<string>>();
    for (const rev of parentsFirst) {
      let set: ReadonlySet<string> = EMPTY;
      for (const downId of rev.downRevisions) {
        const parent = this.#map.get(downId)!;
        const fromParent = inherited.get(parent) ?? EMPTY;
        const own = parent._resolvedDependencies;
        if (own.length === 0 && (set === EMPTY || fromParent === EMPTY || fromParent === set)) {
          if (set === EMPTY) set = fromParent;
          continue;
        }
        const merged = new Set(set);
        for (const d of fromParent) merged.add(d);
        for (const d of own) merged.add(d);
        set = merged;
      }
      inherited.set(rev, set);
      if (rev._resolvedDependencies.length > 0) {
        // Declared order, not set order, so steps come out the same on every run.
        rev._setNormalizedDependencies(dedupe(rev._resolvedDependencies.filter((d) => !set.has(d))));
      }
    }
  }

  /**
   * Alembic's cycle check: every revision must be reachable from a head going down and from a base
   * going up, first along down revisions, then along down revisions plus dependencies. A
   * topological pass proves the common acyclic case cheaply; only a failing graph pays for the
   * reachability sets that name the revisions in the error. Returns the revisions parents first.
   */
  #detectCycles(heads: Set<Revision>, bases: Revision[], realHeads: Set<Revision>, realBases: Revision[]): Revision[] {
    const all = this.#revisions.map((r) => r.revision);
    if (all.length === 0) return [];
    if (heads.size === 0 || bases.length === 0) throw new CycleDetectedError(all);
    const order = this.#orderWithoutCycle(
      (r) => r._down,
      (r) => r._next,
      [...heads],
      bases,
      (ids) => new CycleDetectedError(ids),
    );
    if (realHeads.size === 0 || realBases.length === 0) throw new DependencyCycleDetectedError(all);
    this.#orderWithoutCycle(
      (r) => r._allDown,
      (r) => r._allNext,
      [...realHeads],
      realBases,
      (ids) => new DependencyCycleDetectedError(ids),
    );
    return order;
  }

  /**
   * One pass of the cycle check along `downs` / `children` edges: the revisions parents first, or
   * `cycleError` naming the revisions that the heads going down and the bases going up do not both
   * reach (those stuck in the pass when all are reached).
   */
  #orderWithoutCycle(
    downs: (r: Revision) => readonly Revision[],
    children: (r: Revision) => readonly Revision[],
    heads: readonly Revision[],
    bases: readonly Revision[],
    cycleError: (ids: string[]) => Error,
  ): Revision[] {
    const pass = this.#parentsFirst(downs, children);
    if (pass.stuck.length === 0) return pass.order;
    const byDown = new Set(this.#iterateRelated(downs, heads, false).map((r) => r.revision));
    const byNext = new Set(this.#iterateRelated(children, bases, false).map((r) => r.revision));
    const outside = this.#revisions.map((r) => r.revision).filter((id) => !(byDown.has(id) && byNext.has(id)));
    // A cycle that heads and bases both reach (through a merge point) is still a cycle.
    throw cycleError((outside.length > 0 ? outside : pass.stuck).sort());
  }

  /** Kahn's topological order along the given edges, parents first, and the ids a cycle leaves unordered. */
  #parentsFirst(
    downs: (r: Revision) => readonly Revision[],
    children: (r: Revision) => readonly Revision[],
  ): { order: Revision[]; stuck: string[] } {
    const n = this.#revisions.length;
    const pending = new Int32Array(n);
    const queue: Revision[] = [];
    for (const rev of this.#revisions) {
      const d = downs(rev);
      pending[rev._index] = d.length < 2 ? d.length : new Set(d).size;
      if (pending[rev._index] === 0) queue.push(rev);
    }
    for (let i = 0; i < queue.length; i++) {
      for (const child of children(queue[i]!)) {
        if (--pending[child._index] === 0) queue.push(child);
      }
    }
    const stuck =
      queue.length === n ? [] : this.#revisions.filter((r) => pending[r._index]! > 0).map((r) => r.revision);
    return { order: queue, stuck };
  }

  /**
   * A label applies to its revision and all descendants (down-revision edges only); when its
   * branch above it is one straight line (no branch point, no merge point, the labelled revision
   * included), also to the ancestors down to the previous branch point or merge point. That is
   * what Alembic's `_add_branches` does (and `history` shows), not quite what its docs say.
   */
  #addBranches(labeled: readonly Revision[]): void {
    for (const rev of labeled) {
      const labels = [...rev._branchLabels];
      const add = (node: Revision) => {
        for (const l of labels) if (!node._branchLabels.includes(l)) node._branchLabels.push(l);
      };
      const descendants = this.descendants([rev], { includeDependencies: false });
      for (const node of descendants) add(node);
      // Alembic walks down from the last descendant it visited, not from the labelled revision.
      // Which one is last does not matter: every descendant's way down crosses the same first
      // branch or merge point above the labelled revision, if there is one.
      let parent: Revision | undefined = descendants[descendants.length - 1];
      while (parent && !parent.isRealBranchPoint && !parent.isMergePoint) {
        add(parent);
        parent = parent.downRevisions.length > 0 ? this.#map.get(parent.downRevisions[0]!) : undefined;
      }
    }
  }

  // ---------------------------------------------------------------- resolution helpers

  #getCurrentHead(branchLabel: string | null): string | null {
    const heads = branchLabel !== null ? this.filterForLineage(this.heads, branchLabel) : this.heads;
    if (heads.length > 1) throw new MultipleHeadsError(heads, branchLabel !== null ? `${branchLabel}@head` : "head");
    return heads[0] ?? null;
  }

  #resolveBranch(branchLabel: string): Revision {
    const rev = this.#map.get(branchLabel);
    if (rev) return rev;
    try {
      return this.#revisionForIdent(branchLabel)!;
    } catch (err) {
      // An ambiguous prefix stays that: the candidates say more than "no such branch".
      if (err instanceof ResolutionError && !(err instanceof AmbiguousRevisionError))
        throw new ResolutionError(`No such branch: '${branchLabel}'`, branchLabel);
      throw err;
    }
  }

  #revisionForIdent(resolvedId: string | null, checkBranch: string | null = null): Revision | null {
    const branchRev = checkBranch !== null ? this.#resolveBranch(checkBranch) : null;
    if (resolvedId === null) return null;
    let revision = this.#map.get(resolvedId);
    if (!revision) {
      let candidates = [...this.#map.keys()].filter((k) => k.length > 3 && k.startsWith(resolvedId));
      if (branchRev !== null) candidates = this.filterForLineage(candidates, checkBranch);
      if (candidates.length === 0) {
        const hint =
          resolvedId.length < 4
            ? "; please ensure at least four characters are present for partial revision identifier matches"
            : "";
        throw new ResolutionError(`No such revision or branch '${resolvedId}'${hint}`, resolvedId);
      }
      if (candidates.length > 1) throw new AmbiguousRevisionError(resolvedId, candidates);
      revision = this.#map.get(candidates[0]!)!;
    }
    if (branchRev !== null && !this.#sharesLineage(revision, [branchRev], false)) {
      throw new ResolutionError(`Revision ${revision.revision} is not a member of branch '${checkBranch}'`, resolvedId);
    }
    return revision;
  }

  #sharesLineage(
    target: Revision | string,
    against: readonly (Revision | string)[],
    includeDependencies: boolean,
  ): boolean {
    if (against.length === 0) return true;
    const resolved = typeof target === "string" ? this.#revisionForIdent(target) : target;
    if (!resolved) return false;
    const tests = against.map((t) => (typeof t === "string" ? this.#revisionForIdent(t) : t));
    const lineage = new Set([
      ...this.descendants([resolved], { includeDependencies }),
      ...this.ancestors([resolved], { includeDependencies }),
    ]);
    return tests.some((t) => t !== null && lineage.has(t));
  }

  #filterIntoBranchHeads(targets: Set<Revision>): Set<Revision> {
    for (const rev of [...targets]) {
      const below = this.descendants([rev], { includeDependencies: false });
      if (below.some((d) => d !== rev && targets.has(d))) targets.delete(rev);
    }
    return targets;
  }

  #sortByOrder(revs: Revision[]): Revision[] {
    return revs.sort((a, b) => a._index - b._index);
  }

  // ---------------------------------------------------------------- traversal helpers

  /** Depth-first walk along `fn` edges; `check` rejects targets that lie on each other's paths. */
  #iterateRelated(fn: (r: Revision) => readonly Revision[], targets: readonly Revision[], check: boolean): Revision[] {
    const seen = new Uint8Array(this.#revisions.length);
    const out: Revision[] = [];
    const targetSet = check ? new Set(targets) : null;
    const todo: Revision[] = [];
    for (const target of targets) {
      todo.push(target);
      // Other requested revisions met on this target's walk (even when already seen).
      const overlaps = new Set<Revision>();
      while (todo.length > 0) {
        const rev = todo.pop()!;
        if (targetSet !== null && rev !== target && targetSet.has(rev)) overlaps.add(rev);
        if (seen[rev._index]) continue;
        seen[rev._index] = 1;
        for (const next of fn(rev)) todo.push(next);
        out.push(rev);
      }
      if (overlaps.size > 0) {
        throw new RevisionError(
          `Requested revision ${target.revision} overlaps with other requested revisions ${[...overlaps].map((r) => r.revision).join(", ")}`,
        );
      }
    }
    return out;
  }

  /**
   * Alembic's `_topological_sort`: revisions always come after their down revisions and
   * dependencies (output is newest first); walks one branch down until another pending branch
   * still needs the next node, then switches to that branch. Heads start in file order.
   */
  #topologicalSort(revisions: Set<Revision>, heads: readonly ResolvedRevision[]): Revision[] {
    const todo = new Uint8Array(this.#revisions.length);
    for (const r of revisions) todo[r._index] = 1;
    let remaining = revisions.size;
    const currentHeads = dedupe(heads.filter(isRevision))
      .filter((h) => todo[h._index] === 1)
      .sort((a, b) => a._index - b._index);
    const ancestorsByIdx = currentHeads.map((h) => this.ancestorMask(h));
    const output: Revision[] = [];
    let idx = 0;
    while (currentHeads.length > 0) {
      const candidate = currentHeads[idx]!;
      const blocking = ancestorsByIdx.findIndex((anc, j) => j !== idx && anc[candidate._index] === 1);
      if (blocking >= 0) {
        // Another pending branch still needs this node: finish that branch first.
        idx = blocking;
        continue;
      }
      if (todo[candidate._index] === 1) {
        todo[candidate._index] = 0;
        remaining--;
        output.push(candidate);
      }
      const toAdd = candidate._normalizedDown.filter((r) => todo[r._index] === 1 && !currentHeads.includes(r));
      if (toAdd.length === 0) {
        currentHeads.splice(idx, 1);
        ancestorsByIdx.splice(idx, 1);
        idx = Math.max(idx - 1, 0);
      } else if (candidate._normalizedResolvedDependencies.length === 0 && candidate.downRevisions.length === 1) {
        // Plain movement down a line: the ancestor set only loses the node just emitted.
        currentHeads[idx] = toAdd[0]!;
        ancestorsByIdx[idx]![candidate._index] = 0;
      } else {
        currentHeads[idx] = toAdd[0]!;
        ancestorsByIdx[idx] = this.ancestorMask(toAdd[0]!);
        for (const extra of toAdd.slice(1)) {
          currentHeads.push(extra);
          ancestorsByIdx.push(this.ancestorMask(extra));
        }
      }
    }
    if (remaining > 0) throw new RevisionError("Dependency resolution failed; broken map");
    return output;
  }

  /** Walks `steps` up (>0) or down (<0); null when walking past the end with `noOverwalk`. */
  #walk(
    start: ResolvedRevision,
    steps: number,
    branchLabel: string | null = null,
    noOverwalk = true,
  ): ResolvedRevision {
    let initial = start;
    for (let i = 0; i < Math.abs(steps); i++) {
      let children: ResolvedRevision[];
      if (steps > 0) {
        const from = initial === null || initial === "base" ? this.bases : initial.nextRevs;
        const up = this.getRevisionsRaw(from).filter(isRevision);
        children = branchLabel !== null ? this.filterForLineage(up, branchLabel) : up;
      } else if (initial === "base") {
        children = [];
      } else {
        children = this.getRevisionsRaw(initial === null ? this.heads : initial.downRevisions);
        if (children.length === 0) children = ["base"];
      }
      if (children.length === 0) return noOverwalk ? null : initial;
      if (children.length > 1) throw new RevisionError("Ambiguous walk");
      initial = children[0]!;
    }
    return initial;
  }

  #parseDowngradeTarget(
    currentRevisions: RevisionIdentifier,
    target: string | null,
    assertRelativeLength: boolean,
    onWarning?: (message: string) => void,
  ): [string | null, ResolvedRevision] {
    if (target === null) return [null, null];
    const m = RELATIVE_RE.exec(target);
    if (m) {
      let branchLabel = m[1] ?? null;
      let symbol = m[2] ?? null;
      const relative = m[3]!;
      const relInt = parseInt(relative, 10);
      const didntProduce = () =>
        new RevisionError(`Relative revision ${relative} didn't produce ${Math.abs(relInt)} migrations`);
      if (relInt >= 0) {
        // Downgrading to current + n is not valid.
        if (symbol === null) throw didntProduce();
        const rev = this.#walk(this.getRevisionRaw(symbol), relInt, branchLabel, assertRelativeLength);
        if (rev === null) throw new RevisionError("Walked too far");
        return [branchLabel, rev];
      }
      const relativeToCurrent = symbol === null;
      if (relativeToCurrent) {
        const current = toList(currentRevisions);
        if (branchLabel !== null) {
          let symbols = this.filterForLineage(current, branchLabel);
          if (symbols.length === 0) {
            // Several branches, one current head that the others depend on.
            symbols = this.filterForLineage([...this.getAllCurrentRaw(current)], branchLabel).map((r) => r.revision);
          }
          if (symbols.length !== 1)
            throw new RevisionError(`Ambiguous downgrade of branch '${branchLabel}' from current revisions`);
          symbol = symbols[0]!;
        } else {
          if (current.length === 0) throw didntProduce();
          if (new Set(current).size > 1) {
            onWarning?.(
              "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.",
            );
          }
          symbol = current[0]!;
          // Restrict the walk to the selected branch when branches are ambiguous.
          branchLabel = symbol;
        }
      }
      const start =
        branchLabel === null ? this.getRevisionRaw(symbol) : this.getRevisionRaw(`${branchLabel}@${symbol}`);
      const rev = this.#walk(start, relInt, null, assertRelativeLength);
      if (rev === null) throw relativeToCurrent ? didntProduce() : new RevisionError("Walked too far");
      return [branchLabel, rev];
    }
    const at = target.lastIndexOf("@");
    return [at > 0 ? target.slice(0, at) : null, this.getRevisionRaw(target.slice(at + 1))];
  }

  #parseUpgradeTarget(
    currentRevisions: RevisionIdentifier,
    target: RevisionIdentifier,
    assertRelativeLength: boolean,
  ): ResolvedRevision[] {
    const m = typeof target === "string" ? RELATIVE_RE.exec(target) : null;
    if (!m) return this.getRevisionsRaw(target);
    const branchLabel = m[1] ?? null;
    const symbol = m[2] ?? null;
    const relativeStr = m[3]!;
    const relative = parseInt(relativeStr, 10);
    const didntProduce = (shown: string) =>
      new RevisionError(`Relative revision ${shown} didn't produce ${Math.abs(relative)} migrations`);
    if (relative > 0) {
      if (symbol === null) {
        const current: (string | null)[] = toList(currentRevisions);
        if (current.length === 0) current.push(null);
        let startRevs: (string | Revision | null)[] = current;
        if (branchLabel !== null) {
          const currentRevs = this.getRevisionsRaw(current).filter(isRevision);
          startRevs = this.filterForLineage(currentRevs, branchLabel);
          if (startRevs.length === 0) {
            // The branch has no current head: start from its tip among the applied revisions.
            const active = this.filterForLineage(this.ancestors(currentRevs), branchLabel);
            const downs = new Set(active.flatMap((r) => r.normalizedDownRevisions));
            startRevs = active.filter((r) => !downs.has(r.revision));
            if (startRevs.length === 0) startRevs = [null];
          }
        }
        if (startRevs.length > 1) throw new RevisionError("Ambiguous upgrade from multiple current revisions");
        const first = startRevs[0]!;
        const start = typeof first === "string" ? this.getRevisionRaw(first) : first;
        const rev = this.#walk(start, relative, branchLabel, assertRelativeLength);
        if (rev === null) throw didntProduce(relativeStr);
        return [rev];
      }
      const rev = this.#walk(this.getRevisionRaw(symbol), relative, branchLabel, assertRelativeLength);
      if (rev === null) throw new RevisionError("Walked too far");
      return [rev];
    }
    // Upgrading to current - n is not valid.
    if (symbol === null) throw didntProduce(String(relative));
    const start = branchLabel === null ? this.getRevisionRaw(symbol) : this.getRevisionRaw(`${branchLabel}@${symbol}`);
    const rev = this.#walk(start, relative, null, assertRelativeLength);
    if (rev === null) throw new RevisionError("Walked too far");
    return [rev];
  }

  #collectDowngradeRevisions(
    upper: RevisionIdentifier,
    lower: RevisionIdentifier,
    o: { inclusive: boolean; implicitBase: boolean; assertRelativeLength: boolean; onWarning?: (m: string) => void },
  ): [Set<Revision>, ResolvedRevision[]] {
    if (lower !== null && typeof lower !== "string")
      throw new RevisionError("Expected downgrade target in string form");
    const [branchLabel, parsed] = this.#parseDowngradeTarget(upper, lower, o.assertRelativeLength, o.onWarning);
    const target = parsed === "base" ? null : parsed;

    let roots: Revision[];
    if (target === null) roots = this.#revisions.filter((r) => r.isBase);
    else if (o.inclusive) roots = [target];
    else roots = this.getRevisionsRaw(target.nextRevs).filter(isRevision);

    if (branchLabel !== null && roots.length > 1) {
      const onBranch = new Set(this.ancestors([this.#resolveBranch(branchLabel)], { includeDependencies: false }));
      roots = roots.filter((r) => onBranch.has(r));
      if (roots.length === 0) throw new RevisionError("Not a valid downgrade target from current heads");
    }

    const heads = this.getRevisionsRaw(upper);
    // To drop the roots, drop their descendants and everything that depends on them too.
    const active = new Set(this.ancestors(heads.filter(isRevision)));
    const selected = new Set(this.descendants(roots).filter((r) => active.has(r)));
    if (o.implicitBase) {
      const belowRoots = new Set(this.ancestors(roots));
      for (const r of active) if (!belowRoots.has(r)) selected.add(r);
    }
    if (target !== null && selected.size === 0 && !heads.includes(target))
      throw new RangeNotAncestorError("Nothing to drop", upper);
    return [selected, heads];
  }

  #collectUpgradeRevisions(
    upper: RevisionIdentifier,
    lower: RevisionIdentifier,
    o: { inclusive: boolean; implicitBase: boolean; assertRelativeLength: boolean },
  ): [Set<Revision>, ResolvedRevision[]] {
    let targets = this.#parseUpgradeTarget(lower, upper, o.assertRelativeLength).filter(isRevision);

    // A named base (`branch@...`) limits the targets to that branch.
    if (typeof lower === "string" && lower.includes("@")) {
      const branch = lower.slice(0, lower.indexOf("@"));
      const branchRev = this.getRevisionRaw(branch);
      if (branchRev !== null && branchRev.revision === branch && branchRev.branchLabels.length !== 1) {
        // A revision used as a branch selector without a single label: keep its lineage.
        targets = targets.filter((t) => this.#sharesLineage(t, [branchRev], false));
      } else {
        const label = branchRev !== null && branchRev.revision === branch ? branchRev.branchLabels[0]! : branch;
        targets = targets.filter((t) => t.branchLabels.includes(label));
      }
    }

    const required = new Set(this.ancestors(targets, { check: true }));
    for (const t of targets) required.add(t);

    let lowerId: RevisionIdentifier = lower;
    let current = this.getRevisionsRaw(lower);
    if (!o.implicitBase && current.some((r) => isRevision(r) && !required.has(r)))
      throw new RangeNotAncestorError(lower, upper);

    // `lower` relative to `upper` (history -r -2:c): resolve it by walking down from upper.
    if (current.length > 0 && !isRevision(current[0]!)) {
      const [, rev] =
        current[0] === "base"
          ? [null, "base" as const]
          : this.#parseDowngradeTarget(upper, typeof lower === "string" ? lower : null, o.assertRelativeLength);
      if (rev === "base" || rev === null) {
        current = [];
        lowerId = null;
      } else {
        current = [rev];
        lowerId = rev.revision;
      }
    }
    const currentRevs = current.filter(isRevision);
    const currentNodes = new Set(this.ancestors(currentRevs, { check: true }));
    for (const r of currentRevs) currentNodes.add(r);

    const needs = new Set([...required].filter((r) => !currentNodes.has(r)));
    if (o.inclusive) for (const r of this.getRevisionsRaw(lowerId)) if (isRevision(r)) needs.add(r);
    if (currentRevs.length > 0 && !o.implicitBase) {
      // Only revisions downstream of the current ones; other bases' dependencies stay out.
      const downstream = new Set(this.descendants(currentRevs, { check: true, includeDependencies: false }));
      for (const r of [...needs]) if (!downstream.has(r)) needs.delete(r);
    }
    return [needs, targets];
  }
}

/** Narrows a resolved value to a real revision (not `"base"`, not null). */
export function isRevision(r: ResolvedRevision | string | undefined): r is Revision {
  return r instanceof Revision;
}

/**
 * A driver that returns bytes for `version_num` (a binary collation, a wrong charset) would make
 * every lookup fail obscurely; Alembic names the cause instead.
 */
function assertStringIdentifier(id: unknown): void {
  const ok =
    id === null ||
    typeof id === "string" ||
    (Array.isArray(id) && id.every((x) => x === null || typeof x === "string"));
  if (!ok)
    throw new RevisionError(
      `revision identifier ${inspect(id)} is not a string; ensure database driver settings are correct`,
    );
}

function toList(id: RevisionIdentifier): string[] {
  if (id === null) return [];
  return typeof id === "string" ? [id] : [...id];
}

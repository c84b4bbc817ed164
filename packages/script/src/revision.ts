import type { RevisionHeader } from "./revision-header";
import { DependencyLoopDetectedError, LoopDetectedError, RevisionError } from "./revision-errors";

const NO_IDS: readonly string[] = Object.freeze([]);
const NO_REVISIONS: readonly Revision[] = Object.freeze([]);

/** Characters that would clash with the target grammar (`label@rev`, `rev+2`, `from:to`). */
const ILLEGAL_CHARS = ["@", "-", "+", ":"];

/** Throws Alembic's error when a revision id contains `@`, `-`, `+` or `:`. */
export function verifyRevId(revision: string): void {
  if (!/[@\-+:]/.test(revision)) return;
  const illegal = ILLEGAL_CHARS.filter((c) => revision.includes(c)).sort();
  if (illegal.length > 0) {
    throw new RevisionError(`Character(s) '${illegal.join(", ")}' not allowed in revision identifier '${revision}'`);
  }
}

/**
 * Checks the id of a new revision (`--rev-id`): besides Alembic's rule ({@link verifyRevId}), only
 * letters, digits and `_`, at most 32 characters, since the id becomes part of the file name (a
 * `/` or `..` would write outside the version location) and a `version_num varchar(32)` row.
 */
export function verifyNewRevId(revision: string): void {
  verifyRevId(revision);
  if (/^[A-Za-z0-9_]{1,32}$/.test(revision)) return;
  throw new RevisionError(
    `Revision id '${revision}' is not allowed: use 1 to 32 letters, digits or '_' ` +
      "(the id names the revision file and is stored in the version table)",
  );
}

/**
 * One node of the revision graph. Built by {@link RevisionMap}, which fills in the children,
 * resolved dependencies and propagated branch labels; read-only for everyone else.
 */
export class Revision {
  readonly revision: string;
  /** `downRevision` as declared, with a one-element list read as a plain id (Alembic's scalar form). */
  readonly downRevision: string | readonly string[] | null;
  /** The down revisions as a list in declared order (empty for a base). */
  readonly downRevisions: readonly string[];
  /** `dependsOn` as declared (ids, partial ids or branch labels), or null. */
  readonly dependsOn: readonly string[] | null;
  /** The branch labels declared in this file. */
  readonly ownBranchLabels: readonly string[];
  readonly path: string;
  /** The whole docstring (Alembic's `longdoc`). */
  readonly longDoc: string;
  /** The first paragraph of the docstring (Alembic's `doc`), shown by `history`. */
  readonly doc: string;
  /** The first docstring line: the revision message. */
  readonly message: string;
  readonly createDate: string | null;
  readonly header: RevisionHeader;

  /** @internal position in file order, set by RevisionMap */
  _index = -1;
  /** @internal resolved edges, set by RevisionMap: down revisions, with dependencies, normalized, children */
  _down: readonly Revision[] = NO_REVISIONS;
  /** @internal */
  _allDown: readonly Revision[] = NO_REVISIONS;
  /** @internal */
  _normalizedDown: readonly Revision[] = NO_REVISIONS;
  /** @internal */
  _next: readonly Revision[] = NO_REVISIONS;
  /** @internal */
  _allNext: readonly Revision[] = NO_REVISIONS;
  /** @internal filled in by RevisionMap */
  _nextRevs: readonly string[] = NO_IDS;
  /** @internal children through down revisions and dependencies */
  _allNextRevs: readonly string[] = NO_IDS;
  /** @internal dependencies resolved to revision ids */
  _resolvedDependencies: readonly string[] = NO_IDS;
  /** @internal resolved dependencies minus those already implied by an ancestor's dependencies */
  _normalizedResolvedDependencies: readonly string[] = NO_IDS;
  /** @internal own labels plus labels propagated from other revisions of the branch */
  _branchLabels: string[];
  /** @internal cached: down revisions plus resolved dependencies */
  _allDownRevisions: readonly string[];
  /** @internal cached: down revisions plus normalized dependencies */
  _normalizedDownRevisions: readonly string[];

  constructor(header: RevisionHeader) {
    const revision = header.revision;
    const down = toList(header.downRevision);
    const deps = header.dependsOn === null ? null : toList(header.dependsOn);
    if (down.includes(revision)) throw new LoopDetectedError(revision);
    if (deps !== null && deps.includes(revision)) throw new DependencyLoopDetectedError(revision);
    verifyRevId(revision);
    this.revision = revision;
    this.downRevisions = down;
    this.downRevision = down.length === 0 ? null : down.length === 1 ? down[0]! : down;
    this.dependsOn = deps !== null && deps.length > 0 ? deps : null;
    this.ownBranchLabels = dedupe(toList(header.branchLabels));
    this._branchLabels = [...this.ownBranchLabels];
    this._allDownRevisions = down;
    this._normalizedDownRevisions = down;
    this.path = header.path;
    this.longDoc = header.doc.trim();
    this.doc = this.longDoc.split("\n\n", 1)[0]!;
    this.message = header.message;
    this.createDate = header.createDate;
    this.header = header;
  }

  /** Branch labels of this revision, including those propagated along its branch. */
  get branchLabels(): readonly string[] {
    return this._branchLabels;
  }
  /** Children through `downRevision` edges only. */
  get nextRevs(): readonly string[] {
    return this._nextRevs;
  }
  /** Children through `downRevision` and `dependsOn` edges. */
  get allNextRevs(): readonly string[] {
    return this._allNextRevs;
  }
  /** `dependsOn` resolved to full revision ids. */
  get dependencies(): readonly string[] {
    return this._resolvedDependencies;
  }
  /** Down revisions plus resolved dependencies. */
  get allDownRevisions(): readonly string[] {
    return this._allDownRevisions;
  }
  /** Down revisions plus the dependencies no ancestor already depends on: the edges a migration crosses. */
  get normalizedDownRevisions(): readonly string[] {
    return this._normalizedDownRevisions;
  }
  /** No revision names this one as its down revision. */
  get isHead(): boolean {
    return this._nextRevs.length === 0;
  }
  /** No revision names this one as down revision or dependency; a head that is not real is an "effective head". */
  get isRealHead(): boolean {
    return this._allNextRevs.length === 0;
  }
  get isBase(): boolean {
    return this.downRevisions.length === 0;
  }
  /** A base that depends on nothing either. */
  get isRealBase(): boolean {
    return this.downRevisions.length === 0 && this.dependsOn === null;
  }
  get isBranchPoint(): boolean {
    return this._nextRevs.length > 1;
  }
  /** A branch point counting dependents too. */
  get isRealBranchPoint(): boolean {
    return this._allNextRevs.length > 1;
  }
  get isMergePoint(): boolean {
    return this.downRevisions.length > 1;
  }

  /** @internal called by RevisionMap once dependencies are resolved */
  _setResolvedDependencies(ids: readonly string[]): void {
    this._resolvedDependencies = ids;
    this._allDownRevisions = ids.length === 0 ? this.downRevisions : dedupe([...this.downRevisions, ...ids]);
    this._setNormalizedDependencies(ids);
  }

  /** @internal called by RevisionMap once ancestors' dependencies are known */
  _setNormalizedDependencies(ids: readonly string[]): void {
    this._normalizedResolvedDependencies = ids;
    this._normalizedDownRevisions = ids.length === 0 ? this.downRevisions : dedupe([...this.downRevisions, ...ids]);
  }

  /** @internal */
  _addNextRev(child: Revision): void {
    // Most revisions have one child or none: the shared empty list is replaced on first use.
    if (!this._allNextRevs.includes(child.revision)) this._allNextRevs = [...this._allNextRevs, child.revision];
    if (child.downRevisions.includes(this.revision) && !this._nextRevs.includes(child.revision))
      this._nextRevs = [...this._nextRevs, child.revision];
  }
}

function toList(v: string | readonly string[] | null): string[] {
  if (v === null) return [];
  return typeof v === "string" ? (v === "" ? [] : [v]) : [...v];
}

/** Order-preserving de-duplication (Alembic's `dedupe_tuple`). */
export function dedupe<T>(items: readonly T[]): T[] {
  return items.length < 2 ? [...items] : [...new Set(items)];
}

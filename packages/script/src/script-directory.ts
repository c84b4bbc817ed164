import * as fs from "node:fs";
import * as path from "node:path";
import { CommandError } from "@autogen/core";
import { catchRevisionErrors } from "./catch-revision-errors";
import { generateRevId } from "./rev-id";
import { verifyNewRevId, type Revision } from "./revision";
import { DEFAULT_FILE_TEMPLATE, DEFAULT_TRUNCATE_SLUG_LENGTH, revisionFileName } from "./revision-file-name";
import { parseRevisionHeader, parseRevisionHeaderPrefix, type RevisionHeader } from "./revision-header";
import { isRevision, RevisionMap } from "./revision-map";

/** Where and how revision files live (the config's `scriptLocation`, `versionLocations`, ...). */
export interface ScriptDirectoryOptions {
  /** The migrations folder (holding `versions/` unless `versionLocations` says otherwise). */
  scriptLocation: string;
  /** Folders holding revision files; default `<scriptLocation>/versions`. Relative paths resolve against the working directory. */
  versionLocations?: string[];
  /** Alembic's `file_template`, default `%(rev)s_%(slug)s`. */
  fileTemplate?: string;
  /** Default 40. */
  truncateSlugLength?: number;
  /** Also read revision files in sub-folders of the version locations. */
  recursiveVersionLocations?: boolean;
}

/** What a new revision file should declare, decided by {@link ScriptDirectory.planNewRevision}. */
export interface NewRevisionPlan {
  revId: string;
  downRevision: string | string[] | null;
  dependsOn: string[] | null;
  branchLabels: string[] | null;
  /** The absolute version location the file goes into. */
  versionPath: string;
}

/** Options of {@link ScriptDirectory.planNewRevision}: the `revision` command's flags. */
export interface NewRevisionOptions {
  /** The parent(s): default `head`; `base` starts a new root; a list (or `heads`) merges. */
  head?: string | readonly string[];
  /** Allow a parent that is not a head (a new branch). */
  splice?: boolean;
  branchLabels?: readonly string[];
  /** Ids, partial ids or branch labels; partial ids are stored as full ids, labels stay labels. */
  dependsOn?: readonly string[];
  revId?: string;
  versionPath?: string;
}

const REVISION_FILE_RE = /^(?!\.#)(.+?)\.(ts|mts|cts|js|mjs|cjs)$/;
const DECLARATION_RE = /\.d\.[cm]?ts$/;
const EXT_PREFERENCE = ["ts", "mts", "cts", "js", "mjs", "cjs"];

/**
 * The revision files on disk and the graph they form. Files are read in file-name order (each
 * version location in turn) and only their header exports are parsed, never executed.
 */
export class ScriptDirectory {
  readonly dir: string;
  readonly versionLocations: string[];
  readonly fileTemplate: string;
  readonly truncateSlugLength: number;
  readonly headers: readonly RevisionHeader[];
  readonly map: RevisionMap;

  private constructor(o: ScriptDirectoryOptions, dir: string, versionLocations: string[], headers: RevisionHeader[]) {
    this.dir = dir;
    this.versionLocations = versionLocations;
    this.fileTemplate = o.fileTemplate ?? DEFAULT_FILE_TEMPLATE;
    this.truncateSlugLength = o.truncateSlugLength || DEFAULT_TRUNCATE_SLUG_LENGTH;
    this.headers = headers;
    this.map = new RevisionMap(headers);
  }

  /**
   * Reads every revision file's header and builds the graph. Throws `Path doesn't exist: '...'`
   * when the script location is missing, and the graph's validation errors.
   */
  static load(o: ScriptDirectoryOptions): ScriptDirectory {
    const dir = path.resolve(o.scriptLocation);
    if (!fs.existsSync(dir)) {
      throw new CommandError(
        `Path doesn't exist: '${dir}'.  Please use the 'init' command to create a new scripts folder.`,
      );
    }
    const explicit = o.versionLocations !== undefined && o.versionLocations.length > 0;
    const locations = explicit ? o.versionLocations!.map((l) => path.resolve(l)) : [path.join(dir, "versions")];
    const seen = new Set<string>();
    const headers: RevisionHeader[] = [];
    for (const location of locations) {
      // The same folder listed twice must not make every revision a duplicate.
      const real = realDir(location);
      if (real === null || seen.has(real)) continue;
      seen.add(real);
      for (const file of listRevisionFiles(location, o.recursiveVersionLocations ?? false)) {
        headers.push(readHeader(file));
      }
    }
    return new ScriptDirectory(o, dir, locations, headers);
  }

  /** A new 12-hex-character revision id. */
  generateRevId(): string {
    return generateRevId();
  }

  /**
   * The path of a new revision file: `<versionPath>/<file_template>.ts`. The id is checked here
   * too ({@link verifyNewRevId}): a processRevisionDirectives hook may have replaced it.
   */
  revisionPath(o: { revId: string; message: string | null; date: Date; versionPath?: string }): string {
    verifyNewRevId(o.revId);
    const name = revisionFileName({
      template: this.fileTemplate,
      revId: o.revId,
      message: o.message,
      date: o.date,
      truncateSlugLength: this.truncateSlugLength,
    });
    return path.join(o.versionPath ?? this.versionLocations[0]!, `${name}.ts`);
  }

  /**
   * Decides the header of a new revision with Alembic's rules and texts: several heads without
   * `head` (`Multiple heads are present; please specify the head revision on which the new
   * revision should be based, or perform a merge.`), a non-head parent without `splice`, illegal
   * characters ({@link verifyNewRevId}) or a duplicate `revId`, a branch label already in use, unknown `dependsOn`, and the
   * version location (the parent's, or the only one; several need `versionPath`).
   */
  planNewRevision(o: NewRevisionOptions = {}): NewRevisionPlan {
    const revId = o.revId ?? generateRevId();
    verifyNewRevId(revId);
    if (this.map.byId(revId)) throw new CommandError(`Revision ${revId} is present more than once`);
    const labelOwner = this.map.byKey(revId);
    if (labelOwner)
      throw new CommandError(`Revision id ${revId} is already a branch label of revision ${labelOwner.revision}`);

    const heads = catchRevisionErrors(() => this.map.getRevisionsRaw(o.head ?? "head"), {
      multipleHeads: () =>
        "Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.",
    }).filter(isRevision);
    if (new Set(heads).size !== heads.length) throw new CommandError("Duplicate head revisions specified");

    const versionPath = this.#chooseVersionPath(heads, o.versionPath);

    if (!o.splice) {
      for (const head of heads) {
        if (!head.isHead) {
          throw new CommandError(
            `Revision ${head.revision} is not a head revision; please specify --splice to create a new branch from this revision`,
          );
        }
      }
    }

    const dependsOn =
      o.dependsOn && o.dependsOn.length > 0
        ? catchRevisionErrors(() =>
            o.dependsOn!.map((dep) => {
              const rev = this.map.getRevisionRaw(dep);
              if (!rev) throw new CommandError(`Can't locate revision identified by '${dep}'`);
              // Keep labels as written; resolve partial ids to full ids.
              return rev.branchLabels.includes(dep) ? dep : rev.revision;
            }),
          )
        : null;

    const labels = o.branchLabels && o.branchLabels.length > 0 ? [...new Set(o.branchLabels)] : null;
    for (const label of labels ?? []) {
      const existing = this.map.byKey(label);
      if (existing)
        throw new CommandError(
          `Branch name '${label}' in revision ${revId} already used by revision ${existing.revision}`,
        );
    }

    const ids = heads.map((h) => h.revision);
    return {
      revId,
      downRevision: ids.length === 0 ? null : ids.length === 1 ? ids[0]! : ids,
      dependsOn,
      branchLabels: labels,
      versionPath,
    };
  }

  /** Plans a merge revision of `revisions` (e.g. `["heads"]`); same rules as {@link planNewRevision}. */
  planMerge(revisions: readonly string[], o: Omit<NewRevisionOptions, "head" | "dependsOn"> = {}): NewRevisionPlan {
    return this.planNewRevision({ ...o, head: revisions });
  }

  #chooseVersionPath(heads: readonly Revision[], requested: string | undefined): string {
    let chosen = requested;
    if (chosen === undefined) {
      if (this.versionLocations.length > 1) {
        const head = heads[0];
        if (!head) throw new CommandError("Multiple version locations present, please specify --version-path");
        // The parent's location (the one holding its file, even in a sub-folder).
        chosen = this.versionLocations.find((loc) => isInside(head.path, loc)) ?? path.dirname(head.path);
      } else {
        chosen = this.versionLocations[0]!;
      }
    }
    const normalized = path.resolve(chosen);
    if (!this.versionLocations.some((loc) => path.resolve(loc) === normalized)) {
      throw new CommandError(`Path ${chosen} is not represented in current version locations`);
    }
    return normalized;
  }
}

// The header sits at the top; the upgrade body (possibly huge) is read only when the top is not enough.
const PREFIX_BYTES = 16 * 1024;
// One buffer reused for every file: reading thousands of small files is mostly allocation otherwise.
let sharedBuffer = Buffer.allocUnsafe(64 * 1024);

function readHeader(file: string): RevisionHeader {
  const fd = fs.openSync(file, "r");
  try {
    const first = fs.readSync(fd, sharedBuffer, 0, PREFIX_BYTES, 0);
    if (first < PREFIX_BYTES) return parseRevisionHeader(sharedBuffer.toString("utf8", 0, first), file);
    const header = parseRevisionHeaderPrefix(sharedBuffer.toString("utf8", 0, first), file);
    if (header) return header;
    return parseRevisionHeader(readRest(fd, first), file);
  } finally {
    fs.closeSync(fd);
  }
}

/** The whole file, given that its first `length` bytes are already in the shared buffer. */
function readRest(fd: number, length: number): string {
  for (;;) {
    if (length === sharedBuffer.length) {
      const bigger = Buffer.allocUnsafe(sharedBuffer.length * 2);
      sharedBuffer.copy(bigger, 0, 0, length);
      sharedBuffer = bigger;
    }
    const n = fs.readSync(fd, sharedBuffer, length, sharedBuffer.length - length, length);
    if (n === 0) return sharedBuffer.toString("utf8", 0, length);
    length += n;
  }
}

function realDir(dir: string): string | null {
  try {
    return fs.realpathSync(dir);
  } catch (err) {
    // Under a file (ENOTDIR) there is no folder either; writing a revision there says why.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw err;
  }
}

/** Revision files of one location in file-name order; sub-folders after the files, sorted. */
function listRevisionFiles(location: string, recursive: boolean): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(location, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [];
    if (code === "ENOTDIR") throw new CommandError(`Version location ${location} is not a directory`, { cause: err });
    throw err;
  }
  // One file per stem: x.ts wins over a compiled x.js next to it.
  const byStem = new Map<string, { name: string; rank: number }>();
  const dirs: string[] = [];
  for (const e of entries) {
    if (e.isDirectory()) {
      if (recursive && e.name !== "node_modules" && !e.name.startsWith(".")) dirs.push(e.name);
      continue;
    }
    const m = REVISION_FILE_RE.exec(e.name);
    if (!m || DECLARATION_RE.test(e.name)) continue;
    const rank = EXT_PREFERENCE.indexOf(m[2]!);
    const prev = byStem.get(m[1]!);
    if (!prev || rank < prev.rank) byStem.set(m[1]!, { name: e.name, rank });
  }
  // `location` is absolute and normalized: plain concatenation is enough (and cheap on thousands of files).
  const prefix = location.endsWith(path.sep) ? location : location + path.sep;
  const files = [...byStem.values()]
    .map((f) => f.name)
    .sort(compareNames)
    .map((n) => prefix + n);
  for (const d of dirs.sort(compareNames)) files.push(...listRevisionFiles(path.join(location, d), recursive));
  return files;
}

/** Code-point order, as Python's sorted(); independent of locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

import { CommandError, unescapeDocCommentText } from "@autogen/core";
import { readHeaderLiteral, type HeaderLiteral } from "./header-literal";

/** What graph commands need from a revision file, read without executing it. */
export interface RevisionHeader {
  revision: string;
  /** As declared: one id, several ids (a merge point), or null (a base). */
  downRevision: string | string[] | null;
  branchLabels: string[] | null;
  /** Ids, partial ids or branch labels this revision depends on besides its down revisions. */
  dependsOn: string[] | null;
  path: string;
  /** The docstring body (the leading `/** ... *\/` block, without the `*` gutters), trimmed. */
  doc: string;
  /** The first line of the docstring: the revision message. */
  message: string;
  /** The `Create Date:` line of the docstring, if any. */
  createDate: string | null;
}

type HeaderName = "revision" | "downRevision" | "branchLabels" | "dependsOn";

// Anchored at line start, so `// export const revision = ...` lines never match. The type
// annotation may span lines: prettier with a narrow printWidth breaks it after the colon.
const EXPORT_RE =
  /^[ \t]*export[ \t]+(?:const|let|var)[ \t]+(revision|downRevision|branchLabels|dependsOn)\b\s*(?::[^=;]*)?=/gm;
const UPGRADE_RE =
  /^[ \t]*export[ \t]+(?:(?:async[ \t]+)?function[ \t]*\*?[ \t]*upgrade[ \t]*\(|(?:const|let|var)[ \t]+upgrade\b|\{[^}]*\bupgrade\b[^}]*\})/gm;

/**
 * Reads the header exports (`revision`, `downRevision`, `branchLabels`, `dependsOn`) and the
 * docstring of a revision file's text. Throws a CommandError naming the file when `revision` is
 * missing or not a string literal, when a header value is not a literal, or when the file has no
 * exported `upgrade()` function.
 */
export function parseRevisionHeader(text: string, path: string): RevisionHeader {
  const scan = scanExports(text);
  if (scan.error)
    throw new CommandError(`Could not read \`${scan.error.name}\` in revision file ${path}: ${scan.error.reason}`);
  const { values, comments, revisionAt } = scan;
  const revision = values.get("revision");
  if (typeof revision !== "string" || revision === "") {
    throw new CommandError(
      `Could not determine revision id from file ${path}; be sure it declares \`export const revision = "<id>"\` with a string literal`,
    );
  }
  if (!values.has("downRevision")) throw new CommandError(`Revision file ${path} does not export downRevision`);
  if (!hasExportedUpgrade(text, comments))
    throw new CommandError(`Revision file ${path} has no exported upgrade() function`);
  return buildHeader(text, path, values, revisionAt);
}

/**
 * Reads the header from the first part of a file only, so that large revision files are not read
 * whole. Returns null (never throws) unless that part holds all four header exports and the
 * `upgrade` export; the caller then reads the whole file with {@link parseRevisionHeader}.
 */
export function parseRevisionHeaderPrefix(prefix: string, path: string): RevisionHeader | null {
  const scan = scanExports(prefix);
  if (
    scan.error ||
    scan.values.size < 4 ||
    typeof scan.values.get("revision") !== "string" ||
    scan.values.get("revision") === ""
  )
    return null;
  if (!hasExportedUpgrade(prefix, scan.comments)) return null;
  return buildHeader(prefix, path, scan.values, scan.revisionAt);
}

interface ExportScan {
  values: Map<HeaderName, HeaderLiteral>;
  comments: number[];
  revisionAt: number;
  error?: { name: HeaderName; reason: string };
}

function scanExports(text: string): ExportScan {
  const values = new Map<HeaderName, HeaderLiteral>();
  const comments = blockComments(text);
  let revisionAt = -1;
  EXPORT_RE.lastIndex = 0;
  for (let m = EXPORT_RE.exec(text); m; m = EXPORT_RE.exec(text)) {
    const name = m[1] as HeaderName;
    if (values.has(name) || insideAny(comments, m.index)) continue;
    const lit = readHeaderLiteral(text, m.index + m[0].length);
    if (!lit.ok) return { values, comments, revisionAt, error: { name, reason: lit.reason } };
    values.set(name, lit.value);
    if (name === "revision") revisionAt = m.index;
  }
  return { values, comments, revisionAt };
}

function buildHeader(
  text: string,
  path: string,
  values: Map<HeaderName, HeaderLiteral>,
  revisionAt: number,
): RevisionHeader {
  const revision = values.get("revision") as string;
  const doc = readDocstring(text, revisionAt);
  const createDate = /^Create Date:[ \t]*(.*?)[ \t]*$/m.exec(doc)?.[1] ?? null;
  return {
    revision,
    downRevision: normalizeDownRevision(values.get("downRevision") ?? null),
    branchLabels: asList(values.get("branchLabels") ?? null),
    dependsOn: asList(values.get("dependsOn") ?? null),
    path,
    doc,
    message: doc.split("\n", 1)[0]!.trim(),
    createDate: createDate === "" ? null : createDate,
  };
}

function hasExportedUpgrade(text: string, comments: readonly number[]): boolean {
  UPGRADE_RE.lastIndex = 0;
  for (let m = UPGRADE_RE.exec(text); m; m = UPGRADE_RE.exec(text)) {
    if (!insideAny(comments, m.index)) return true;
  }
  return false;
}

/**
 * Start/end offsets of the block comments, found once per file so that a commented-out export is
 * never read (a string holding `/*` is rare enough in a revision header to ignore).
 */
function blockComments(text: string): number[] {
  const ranges: number[] = [];
  for (let open = text.indexOf("/*"); open >= 0;) {
    const close = text.indexOf("*/", open + 2);
    const end = close < 0 ? text.length : close + 2;
    ranges.push(open, end);
    open = text.indexOf("/*", end);
  }
  return ranges;
}

function insideAny(ranges: readonly number[], index: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (index > ranges[i]! && index < ranges[i + 1]!) return true;
  return false;
}

/** The first `/** ... *\/` block before the `revision` export, without its `*` gutters. */
function readDocstring(text: string, before: number): string {
  const start = text.indexOf("/**");
  if (start < 0 || (before >= 0 && start > before)) return "";
  const end = text.indexOf("*/", start + 3);
  if (end < 0) return "";
  // Drop the ` * ` gutter of every line after the first.
  return unescapeDocCommentText(
    text
      .slice(start + 3, end)
      .replace(/\r?\n[ \t]*\*(?: |\t)?/g, "\n")
      .trim(),
  );
}

// An empty list means "no down revision", as Alembic reads an empty tuple.
function normalizeDownRevision(v: HeaderLiteral): string | string[] | null {
  if (Array.isArray(v)) return v.length === 0 ? null : v;
  return v === "" ? null : v;
}

function asList(v: HeaderLiteral): string[] | null {
  if (v === null) return null;
  const list = typeof v === "string" ? [v] : v;
  return list.length === 0 ? null : list;
}

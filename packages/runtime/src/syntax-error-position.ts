import { readFileSync } from "node:fs";

/** Where a file failed to parse: the file (the one loaded, or one it imports), 1-based line and column. */
export interface SyntaxErrorPosition {
  file: string;
  line: number;
  column: number;
}

/**
 * Where loading `filename` met a syntax error, for `file:line:column` in the one-line error. swc
 * (TypeScript files) reports only a rendered snippet; V8's SyntaxError of an ES module has no
 * position at all, so such a file is parsed again with swc to get that snippet. Undefined when
 * no position can be found (an error that is not a syntax error).
 */
export function syntaxErrorPosition(filename: string, error: unknown): SyntaxErrorPosition | undefined {
  const fromSwc = positionInSnippet(messageOf(error), filename);
  if (fromSwc) return fromSwc;
  if (!(error instanceof SyntaxError)) return undefined;
  const fromStack = positionInV8Stack(error);
  if (fromStack) return fromStack;
  const source = readSource(filename);
  if (source === undefined) return undefined;
  try {
    // Required here, on an error: a load that succeeds does not need swc's parser.
    (require("@swc/core") as typeof import("@swc/core")).parseSync(source, {
      syntax: /\.[cm]?ts$/.test(filename) ? "typescript" : "ecmascript",
      target: "es2022",
    });
  } catch (swcError) {
    return positionInSnippet(messageOf(swcError), filename);
  }
  return undefined;
}

/**
 * Reads swc's rendering: the header `,-[FILE:LINE:1]` names the file and line (its column is
 * always 1), the caret line under `LINE | ...` marks the error. Secondary labels are drawn with a
 * `|` connector (`^|^`, or `|` alone); the first run of carets without one is the error itself.
 */
function positionInSnippet(message: string, filename: string): SyntaxErrorPosition | undefined {
  const header = /,-\[(?:([^\]\n]*):)?(\d+):\d+\]/.exec(message);
  if (!header) return undefined;
  const file = header[1] || filename;
  const line = Number(header[2]);
  const rows = message.split("\n");
  const at = rows.findIndex((r) => new RegExp(`^\\s*${line} \\| `).test(r));
  const carets = rows[at + 1];
  if (at < 0 || carets === undefined || !/^\s*: /.test(carets)) return { file, line, column: 1 };
  const gutter = rows[at]!.indexOf("|") + 2;
  const run = /[\^|]+/g;
  for (let m = run.exec(carets); m; m = run.exec(carets)) {
    if (m[0].includes("|") || m.index < gutter) continue;
    const text = readSource(file)?.split(/\r?\n/)[line - 1] ?? "";
    return { file, line, column: sourceColumn(text, m.index - gutter) };
  }
  return { file, line, column: 1 };
}

/**
 * The 1-based column (UTF-16 units, as editors count) of a 0-based column in swc's display, where
 * a tab runs to the next multiple of 4 (an emoji's two units show two columns wide, as it does).
 */
function sourceColumn(text: string, displayColumn: number): number {
  let shown = 0;
  for (let i = 0; i < text.length; i++) {
    if (shown >= displayColumn) return i + 1;
    shown += text[i] === "\t" ? 4 - (shown % 4) : 1;
  }
  return displayColumn - shown + text.length + 1;
}

/** A CommonJS SyntaxError's stack starts with `FILE:LINE`, the source line and a caret under the column. */
function positionInV8Stack(error: SyntaxError): SyntaxErrorPosition | undefined {
  const rows = (error.stack ?? "").split("\n");
  const m = /^(\/.*|[A-Za-z]:\\.*):(\d+)$/.exec(rows[0] ?? "");
  if (!m) return undefined;
  const caret = rows[2]?.indexOf("^") ?? -1;
  return { file: m[1]!, line: Number(m[2]), column: caret >= 0 ? caret + 1 : 1 };
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

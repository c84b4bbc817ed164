import { relative, sep } from "node:path";
import type { LintFinding, LintResult } from "./lint-result";

/** The output formats of `autogen lint`. */
export type LintFormat = "text" | "json" | "markdown" | "github";

/** How a reviewer acknowledges a risk (README "Risk codes"). */
const HOW_TO_ACKNOWLEDGE = "edit its comment above the op to `// risk <code> (acknowledged): ...`";

/** A file as the reader's tools link it: relative to the working directory, with forward slashes. */
const shown = (file: string, cwd: string): string => relative(cwd, file).split(sep).join("/");

const where = (f: LintFinding, cwd: string): string => `${shown(f.file, cwd)}${f.line === null ? "" : `:${f.line}`}`;

/** The one-line failure when some risk is not acknowledged (the CLI's FAILED line), else null. */
export function lintFailure(result: LintResult, cwd: string): string | null {
  const open = result.findings.filter((f) => !f.acknowledged);
  if (open.length === 0) return null;
  const first = open[0]!;
  return (
    `lint: ${open.length} risk(s) not acknowledged, the first ${first.code} at ${where(first, cwd)} ` +
    `(${first.message}); to acknowledge one, ${HOW_TO_ACKNOWLEDGE}`
  );
}

/** The report of a lint run in one of the formats, as the lines to print. */
export function lintReport(result: LintResult, format: LintFormat, cwd: string): string[] {
  switch (format) {
    case "json":
      return [JSON.stringify(result, null, 2)];
    case "github":
      return result.findings.map((f) => githubAnnotation(f, cwd));
    case "markdown":
      return markdownReport(result, cwd);
    case "text":
      return textReport(result, cwd);
  }
}

function summary(result: LintResult): string {
  const open = result.findings.filter((f) => !f.acknowledged).length;
  const what = `${result.findings.length} risk(s) in ${result.revisions.length} revision(s) (${result.dialect})`;
  return open === 0 ? `${what}, all acknowledged` : `${what}, ${open} not acknowledged`;
}

function textReport(result: LintResult, cwd: string): string[] {
  return [
    ...result.findings.map(
      (f) => `${where(f, cwd)}: risk ${f.code}${f.acknowledged ? " (acknowledged)" : ""}: ${f.message} [${f.revision}]`,
    ),
    summary(result),
  ];
}

/** GitHub workflow commands escape `%`, CR and LF in the message, and `:` and `,` in properties too. */
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** `::error file=...,line=...,title=...::message` (a warning once acknowledged), shown on the pull request's diff. */
function githubAnnotation(f: LintFinding, cwd: string): string {
  const props = [`file=${escapeProperty(shown(f.file, cwd))}`];
  if (f.line !== null) props.push(`line=${f.line}`);
  props.push(`title=${escapeProperty(`autogen risk ${f.code}${f.acknowledged ? " (acknowledged)" : ""}`)}`);
  const tail = f.acknowledged ? "" : `; to acknowledge it, ${HOW_TO_ACKNOWLEDGE}`;
  return `::${f.acknowledged ? "warning" : "error"} ${props.join(",")}::${escapeData(`${f.message} (revision ${f.revision})${tail}`)}`;
}

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function markdownReport(result: LintResult, cwd: string): string[] {
  const lines = [`### autogen lint: ${summary(result)}`, ""];
  if (result.findings.length === 0) return [...lines, "No op of these revisions carries a risk."];
  lines.push("| Status | Risk | Where | Operation | What |", "| --- | --- | --- | --- | --- |");
  for (const f of result.findings)
    lines.push(
      `| ${f.acknowledged ? "acknowledged" : "**not acknowledged**"} | \`${f.code}\` | \`${cell(where(f, cwd))}\` | ${cell(f.op)} | ${cell(f.message)} |`,
    );
  if (result.findings.some((f) => !f.acknowledged)) lines.push("", `To acknowledge a risk, ${HOW_TO_ACKNOWLEDGE}.`);
  return lines;
}

import { AutogenError } from "@autogen/core";
import type { FleetReport, FleetTargetResult } from "./fleet-result";
import type { PoolProgress } from "./run-pool";

/** A fleet run in which some target failed, differs or was not reached; exits with the report's status. */
export class FleetFailedError extends AutogenError {
  readonly exitCode: 1 | 2 | 3 | 130;
  constructor(readonly report: FleetReport) {
    super(failureMessage(report));
    this.exitCode = report.exitCode as 1 | 2 | 3 | 130;
  }
}

/** The one-line error of a fleet run that did not succeed everywhere. */
function failureMessage(report: FleetReport): string {
  const count = (status: FleetTargetResult["status"]) => report.results.filter((r) => r.status === status);
  const names = (rs: readonly FleetTargetResult[]) =>
    rs
      .slice(0, 10)
      .map((r) => r.name)
      .join(", ") + (rs.length > 10 ? `, and ${rs.length - 10} more` : "");
  const total = report.results.length;
  const parts: string[] = [];
  const failed = count("failed");
  if (failed.length) parts.push(`${failed.length} of ${total} targets failed: ${names(failed)}`);
  const differs = count("differs");
  if (differs.length) parts.push(`${differs.length} of ${total} targets differ from the models: ${names(differs)}`);
  if (report.interrupted) {
    const stopped = [...count("interrupted"), ...count("not-started")];
    parts.push(`interrupted: ${stopped.length} of ${total} targets not at the end (rerun to finish them)`);
  }
  return parts.join("; ");
}

const heads = (h: readonly string[] | null) => (h === null ? "?" : h.length ? h.join(", ") : "base");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One summary line of a target: its name, from -> to (or what it found), its time, or its error. */
export function summaryLine(report: FleetReport, r: FleetTargetResult): string {
  const time = seconds(r.ms);
  switch (r.status) {
    case "not-started":
      return `${r.name}: not started`;
    case "failed":
      return `${r.name}: FAILED after ${time}${r.to ? ` (at ${heads(r.to)})` : ""}: ${r.error?.message ?? ""}`;
    case "interrupted":
      return `${r.name}: interrupted, ${heads(r.from)} -> ${heads(r.to)} (${plural(r.steps ?? 0, "step")}, ${time})`;
    case "differs":
      return `${r.name}: differs (${time}): ${(r.changes ?? []).join(", ")}${
        r.risks?.length ? `; risks: ${r.risks.join("; ")}` : ""
      }`;
    case "ok":
      if (r.file !== undefined) return `${r.name}: wrote ${r.file} (${time})`;
      if (report.command === "check") return `${r.name}: up to date (${time})`;
      if (report.command === "verify") return `${r.name}: verified, ${plural(r.steps ?? 0, "revision")} (${time})`;
      if (report.command === "current") return `${r.name}: ${heads(r.to)} (${time})`;
      return `${r.name}: ${heads(r.from)} -> ${heads(r.to)} (${plural(r.steps ?? 0, "step")}, ${time})`;
  }
}

/** The summary `--each` prints: a line per target in config order, then the totals. */
export function summaryLines(report: FleetReport, totalMs: number): string[] {
  const tally = new Map<string, number>();
  for (const r of report.results) tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
  const totals = [...tally].map(([status, n]) => `${n} ${status}`).join(", ");
  return [
    ...report.results.map((r) => summaryLine(report, r)),
    `${plural(report.results.length, "target")}: ${totals} (${seconds(totalMs)})`,
  ];
}

/** The progress line on a terminal: `[12/200] 1 failed; running: t013, t014, t015, +5`. */
export function progressLine(p: PoolProgress): string {
  const shown = p.running.slice(0, 3).join(", ") + (p.running.length > 3 ? `, +${p.running.length - 3}` : "");
  return `[${p.done}/${p.total}]${p.failed ? ` ${p.failed} not ok;` : ""}${shown ? ` running: ${shown}` : ""}`;
}

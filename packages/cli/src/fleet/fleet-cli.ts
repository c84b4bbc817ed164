/*
 * `--each` on the command line: the flags, Ctrl-C, the progress line and the summary. The work
 * itself is fleet-commands.ts (`command.fleet.*`), required only when `--each` is given.
 */
import { CommandError } from "@autogen/core";
import { Option, type Command } from "commander";
import type { ResolvedConfig } from "../config";
import { jsonDocument } from "../output-format";
import { ProgressLine } from "../progress-line";
import type { FleetReport } from "./fleet-result";

/** The flags `addFleetOptions` adds, as commander parses them. */
export interface FleetFlags {
  each?: boolean;
  concurrency?: string;
  target: string[];
  outputDir?: string;
  format?: "text" | "json";
}

/** What a fleet command runs with: the command's own arguments. */
export interface FleetArguments {
  revisions: readonly string[];
  sql?: boolean | undefined;
  tag?: string | undefined;
  purge?: boolean | undefined;
  /** current: fail the targets not at every head. */
  checkHeads?: boolean | undefined;
}

/** What the CLI gives a fleet run: its output streams and the global flags' effects. */
export interface FleetCliContext {
  stdout(text: string): void;
  stderr(text: string): void;
  quiet: boolean;
  config(): Promise<ResolvedConfig>;
  /** Whether stderr is a terminal (the progress line is drawn only there). */
  stderrIsTTY: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `--each`: run on every target of the config's `targets`. */
export const eachOption = () =>
  new Option("--each", "run on every target of the config's 'targets' (a summary line per target)");
/** `--concurrency N` (with --each). */
export const concurrencyOption = () =>
  new Option("--concurrency <n>", "with --each: how many targets run at once (default 4)");
/** `--target NAME`, repeatable (with --each). */
export const targetOption = () =>
  new Option("--target <name>", "with --each: only this target (repeatable)").argParser(collect).default([]);
/** `--output-dir DIR` (with --each --sql). */
export const outputDirOption = () =>
  new Option("--output-dir <dir>", "with --each --sql: the folder to write <target>.sql files into");

/**
 * True when the command runs on the fleet (`--each`); a fleet-only flag without it is a user
 * error, as is `--format json` on a command that prints JSON only as a fleet summary.
 */
export function wantsEach(flags: FleetFlags, o: { jsonWithoutEach?: boolean } = {}): boolean {
  if (flags.each) return true;
  const lone = [
    flags.concurrency !== undefined && "--concurrency",
    flags.target.length > 0 && "--target",
    flags.outputDir !== undefined && "--output-dir",
    !o.jsonWithoutEach && flags.format === "json" && "--format json",
  ].filter((f): f is string => typeof f === "string");
  if (lone.length) throw new CommandError(`${lone.join(", ")} needs --each`);
  return false;
}

function parseConcurrency(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new CommandError(`--concurrency must be a whole number of at least 1, not '${text}'`);
  return Number(text);
}

/**
 * Runs a command on every target: a progress line on a terminal (stderr), then the summary (text
 * on stdout, or the JSON report); the first Ctrl-C lets running targets finish their current
 * revision and starts no other (a second one quits at once).
 *
 * @throws FleetFailedError (the report's exit status) when a target failed, differs or was interrupted.
 */
export async function runFleetCli(
  name: "upgrade" | "downgrade" | "stamp" | "current" | "check" | "verify",
  args: FleetArguments,
  flags: FleetFlags,
  ctx: FleetCliContext,
): Promise<void> {
  const concurrency = parseConcurrency(flags.concurrency);
  const { fleet } = require("./fleet-commands") as typeof import("./fleet-commands");
  const { FleetFailedError, progressLine, summaryLines } =
    require("./fleet-summary") as typeof import("./fleet-summary");
  const cfg = await ctx.config();
  const controller = new AbortController();
  const line = new ProgressLine(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet);
  const clear = () => line.clear();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    clear();
    ctx.stderr(
      "Interrupted: no further target starts; running ones stop after their current revision (Ctrl-C again to quit now)\n",
    );
  };
  const options = {
    ...(concurrency !== undefined && { concurrency }),
    targets: flags.target,
    signal: controller.signal,
    warn: (line: string) => {
      clear();
      ctx.stderr(`WARNING: ${line}\n`);
    },
    ...(line.enabled && { onProgress: (p: import("./run-pool").PoolProgress) => line.show(progressLine(p)) }),
    ...(args.tag !== undefined && { tag: args.tag }),
    ...(args.sql && { sql: true }),
    ...(flags.outputDir !== undefined && { outputDir: flags.outputDir }),
  };
  const started = performance.now();
  process.on("SIGINT", onSigint);
  let report: FleetReport;
  try {
    const revision = args.revisions[0]!;
    switch (name) {
      case "upgrade":
        report = await fleet.upgrade(cfg, revision, options);
        break;
      case "downgrade":
        report = await fleet.downgrade(cfg, revision, options);
        break;
      case "stamp":
        report = await fleet.stamp(cfg, args.revisions, { ...options, ...(args.purge && { purge: true }) });
        break;
      case "current":
        report = await fleet.current(cfg, { ...options, ...(args.checkHeads && { checkHeads: true }) });
        break;
      case "check":
        report = await fleet.check(cfg, options);
        break;
      case "verify":
        report = await fleet.verify(cfg, args.revisions[0], options);
        break;
    }
  } finally {
    process.off("SIGINT", onSigint);
    clear();
  }
  if (flags.format === "json") ctx.stdout(jsonDocument(report));
  else if (!ctx.quiet) for (const line of summaryLines(report, performance.now() - started)) ctx.stdout(`${line}\n`);
  if (report.exitCode !== 0) throw new FleetFailedError(report);
}

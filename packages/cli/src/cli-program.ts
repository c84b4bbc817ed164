import { CommandError, DiffsDetectedError } from "@autogen/core";
import { Command } from "commander";
import type { ResolvedConfig } from "./config";
import { command } from "./command";
import { describePendingOps, summarizePendingOps } from "./commands/check";
import { formatTemplateList } from "./commands/list-templates";
import { verifyReport } from "./verify/verify-report";
import { lintFailure, lintReport, type LintFormat } from "./lint/lint-report";
import { loadConfig } from "./load-config";
import { formatOption, jsonDocument } from "./output-format";
import { diffText } from "./pull-request/schema-diff-result";
import {
  concurrencyOption,
  eachOption,
  outputDirOption,
  runFleetCli,
  targetOption,
  wantsEach,
  type FleetCliContext,
  type FleetFlags,
} from "./fleet/fleet-cli";
import { autogenerateModule } from "./lazy-modules";
import { terminalRenameQuestion } from "./rename-question";
import { ProgressLine } from "./progress-line";

/** Where the command line writes: stdout for results, stderr for errors. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The global flags (docs/cli.md). */
interface GlobalOptions {
  config?: string;
  name?: string;
  x: string[];
  raiseerr?: boolean;
  quiet?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

const RENAME_FLAG = "--rename <hint>";
const RENAME_HELP =
  "confirm a rename candidate (repeatable): TABLE.OLD=NEW (column), table:OLD=NEW, index:TABLE.OLD=NEW, " +
  "unique:TABLE.OLD=NEW, fk:TABLE.OLD=NEW, enum-value:ENUM.OLD=NEW";

/** `-x KEY=VALUE` pairs as a record; a bare `KEY` means the empty string (as in Alembic). */
export function parseXArgs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf("=");
    if (eq === 0) throw new CommandError(`Invalid -x argument '${p}': expected KEY=VALUE`);
    if (eq === -1) out[p] = "";
    else out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

/**
 * Builds the commander program. Every action is a thin layer over `command.*`: load the
 * config, call the command, print what it returns.
 */
export function buildProgram(io: CliIo, usageError: (text: string) => void): Command {
  const program = new Command("autogen");
  program
    .description("Migrations with autogenerate for TypeORM, after Alembic")
    .option(
      "-c, --config <file>",
      "alternate config file (default: autogen.config.{ts,mts,js,mjs} in the working directory)",
    )
    .option("-n, --name <env>", "environment of the config to use (its `environments` key)")
    .option("-x <KEY=VALUE>", "additional argument for hooks and revision files (repeatable)", collect, [] as string[])
    .option("--raiseerr", "raise a full stack trace on error")
    .option("-q, --quiet", "do not print messages on stdout (SQL from --sql is still printed)")
    .version(packageVersion(), "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: usageError, outputError: usageError })
    .showSuggestionAfterError(false);

  const globals = () => program.opts<GlobalOptions>();
  const print = (lines: readonly string[]) => {
    // One write: `history` of thousands of revisions to a file is otherwise a write call per line.
    if (!globals().quiet && lines.length > 0) io.stdout(`${lines.join("\n")}\n`);
  };
  const log = (line: string) => {
    if (!globals().quiet) io.stdout(`${line}\n`);
  };
  /** Warnings go to stderr, -q or not: they are about the database, not progress. */
  const warn = (line: string) => io.stderr(`WARNING: ${line}\n`);
  /** What autogenerate detected, on stderr as Alembic logs it (stdout stays the command's output). */
  const info = (line: string) => {
    if (!globals().quiet) io.stderr(`INFO  ${line}\n`);
  };
  /**
   * A progress line for one long command (drawn only when stderr is a terminal, and not with
   * -q), with the printers that erase it before they print.
   */
  const progressLine = () => {
    const line = new ProgressLine(io.stderr, process.stderr.isTTY === true && !globals().quiet);
    return {
      line,
      printers: { log: line.before(log), warn: line.before(warn), info: line.before(info) },
      ...(line.enabled && { onProgress: (stage: string) => line.show(stage) }),
    };
  };
  const x = () => parseXArgs(globals().x);
  const config = (): Promise<ResolvedConfig> => {
    const g = globals();
    // Stack traces (and so source maps) only with --raiseerr.
    return loadConfig({ file: g.config, name: g.name, x: x(), sourceMaps: g.raiseerr === true });
  };
  /** A JSON document is the command's output: printed even with -q. */
  const printJson = (value: unknown) => io.stdout(jsonDocument(value));
  /** Offline SQL is the command's output: printed even with -q. */
  const printSql = (sql: string | undefined) => {
    if (sql) io.stdout(sql.endsWith("\n") ? sql : `${sql}\n`);
  };
  /** `--each`: the command on every target of the config (fleet/). */
  const fleet = (): FleetCliContext => ({
    stdout: io.stdout,
    stderr: io.stderr,
    quiet: globals().quiet === true,
    config,
    stderrIsTTY: process.stderr.isTTY === true,
  });

  program
    .command("init")
    .description("Initialize a new scripts directory")
    .argument("<directory>", "location of scripts directory")
    .option("-t, --template <name>", "setup template for use with 'init'", "generic")
    .action(async (directory: string, o: { template: string }) => {
      await command.init(directory, { template: o.template, log });
    });

  program
    .command("list-templates")
    .description("List available templates")
    .action(async () => {
      print(formatTemplateList(await command.listTemplates()));
    });

  program
    .command("revision")
    .description("Create a new revision file")
    .option("-m, --message <message>", "message string to use with 'revision'")
    .option(
      "--autogenerate",
      "populate revision script with candidate migration operations, based on comparison of database to model",
    )
    .option("--sql", "don't emit SQL to database - dump to standard output instead")
    .option("--head <rev>", "specify head revision or <branchname>@head to base new revision on", "head")
    .option("--splice", "allow a non-head revision as the 'head' to splice onto")
    .option("--branch-label <label>", "specify a branch label to apply to the new revision")
    .option("--version-path <path>", "specify specific path from config for version file")
    .option("--rev-id <id>", "specify a hardcoded revision id instead of generating one")
    .option(
      "--depends-on <rev>",
      "specify one or more revision identifiers which this revision should depend on",
      collect,
      [] as string[],
    )
    .option("--verify", "then prove the whole history, with the new revision, on a scratch database (as 'verify')")
    .option(
      "--baseline",
      "with --autogenerate: compare the entities with an empty database, so the revision creates the whole schema (then 'stamp head' existing databases)",
    )
    .option(RENAME_FLAG, RENAME_HELP, collect, [] as string[])
    .action(async (o: RevisionFlags) => {
      const cfg = await config();
      if (o.verify && !o.autogenerate) throw new CommandError("--verify needs --autogenerate");
      const question = o.autogenerate
        ? terminalRenameQuestion((c) => autogenerateModule().renameQuestionText(c))
        : null;
      const progress = progressLine();
      const file = await command
        .revision(cfg, {
          renames: o.rename,
          ...(question && { askRename: (c) => (progress.line.clear(), question.ask(c)) }),
          message: o.message,
          autogenerate: o.autogenerate,
          baseline: o.baseline,
          sql: o.sql,
          head: o.head,
          splice: o.splice,
          branchLabel: o.branchLabel,
          versionPath: o.versionPath,
          revId: o.revId,
          dependsOn: o.dependsOn.length ? o.dependsOn : undefined,
          ...progress.printers,
          ...(progress.onProgress && { onProgress: progress.onProgress }),
        })
        .finally(() => {
          progress.line.clear();
          question?.close();
        });
      if (o.verify && file !== null) {
        const result = await command.verify(cfg, undefined, { x: x(), log, warn });
        report(verifyReport(result, "text"), result);
      }
    });

  for (const name of ["upgrade", "downgrade"] as const) {
    program
      .command(name)
      .description(name === "upgrade" ? "Upgrade to a later version" : "Revert to a previous version")
      .argument("<revision>", "revision identifier")
      .option("--sql", "don't emit SQL to database - dump to standard output instead")
      .option("--tag <tag>", "arbitrary 'tag' name - can be used by custom revision files")
      .addOption(eachOption())
      .addOption(concurrencyOption())
      .addOption(targetOption())
      .addOption(outputDirOption())
      .addOption(formatOption(["text", "json"]))
      // `downgrade -1` and `upgrade -2:+1` look like options to commander: let them through as
      // arguments and refuse anything else that starts with a dash below.
      .allowUnknownOption()
      .action(async (revision: string, o: { sql?: boolean; tag?: string } & FleetFlags, cmd: Command) => {
        rejectUnknownOptions(cmd.args);
        if (wantsEach(o)) return runFleetCli(name, { revisions: [revision], sql: o.sql, tag: o.tag }, o, fleet());
        const cfg = await config();
        // Offline, stdout is the SQL script; its `-- Running upgrade` comments replace the log.
        const sql = await command[name](cfg, revision, {
          sql: o.sql,
          tag: o.tag,
          x: x(),
          log: o.sql ? undefined : log,
          warn,
        });
        printSql(sql);
      });
  }

  program
    .command("current")
    .description("Display the current revision for a database")
    .option("-v, --verbose", "use more verbose output")
    .option("--check-heads", "check if all head revisions are applied to the database (exit 2 when not)")
    .addOption(formatOption(["text", "json"]))
    .addOption(eachOption())
    .addOption(concurrencyOption())
    .addOption(targetOption())
    .action(async (o: { verbose?: boolean; checkHeads?: boolean; format: "text" | "json" } & FleetFlags) => {
      if (wantsEach(o, { jsonWithoutEach: true }))
        return runFleetCli("current", { revisions: [], checkHeads: o.checkHeads }, o, fleet());
      const options = { verbose: o.verbose, checkHeads: o.checkHeads, x: x(), warn };
      if (o.format === "json") printJson(await command.current(await config(), { ...options, format: "json" }));
      else print(await command.current(await config(), options));
    });

  program
    .command("history")
    .description("List changeset scripts in chronological order")
    .option("-r, --rev-range <range>", "specify a revision range; format is [start]:[end]")
    .option("-v, --verbose", "use more verbose output")
    .option("-i, --indicate-current", "indicate the current revision")
    .addOption(formatOption(["text", "json"]))
    .action(async (o: { revRange?: string; verbose?: boolean; indicateCurrent?: boolean; format: "text" | "json" }) => {
      const options = { revRange: o.revRange, verbose: o.verbose, indicateCurrent: o.indicateCurrent, x: x() };
      if (o.format === "json") printJson(await command.history(await config(), { ...options, format: "json" }));
      else print(await command.history(await config(), options));
    });

  program
    .command("heads")
    .description("Show current available heads in the script directory")
    .option("-v, --verbose", "use more verbose output")
    .option("--resolve-dependencies", "treat dependency versions as down revisions")
    .addOption(formatOption(["text", "json"]))
    .action(async (o: { verbose?: boolean; resolveDependencies?: boolean; format: "text" | "json" }) => {
      const options = { verbose: o.verbose, resolveDependencies: o.resolveDependencies };
      if (o.format === "json") printJson(await command.heads(await config(), { ...options, format: "json" }));
      else print(await command.heads(await config(), options));
    });

  program
    .command("branches")
    .description("Show current branch points")
    .option("-v, --verbose", "use more verbose output")
    .action(async (o: { verbose?: boolean }) => {
      print(await command.branches(await config(), { verbose: o.verbose }));
    });

  program
    .command("show")
    .description("Show the revision(s) denoted by the given symbol")
    .argument("<rev>", "revision identifier")
    .addOption(formatOption(["text", "json", "markdown"]))
    .action(async (rev: string, o: { format: "text" | "json" | "markdown" }) => {
      if (o.format === "json") printJson(await command.show(await config(), rev, { x: x(), format: "json" }));
      // The summary is the command's result, as a JSON document is: printed with -q too.
      else if (o.format === "markdown")
        io.stdout(await command.show(await config(), rev, { x: x(), format: "markdown" }));
      else print(await command.show(await config(), rev, { x: x() }));
    });

  program
    .command("merge")
    .description("Merge two revisions together; creates a new migration file")
    .argument("<revisions...>", "one or more revisions, or 'heads' for all heads")
    .option("-m, --message <message>", "message string to use with 'revision'")
    .option("--branch-label <label>", "specify a branch label to apply to the new revision")
    .option("--rev-id <id>", "specify a hardcoded revision id instead of generating one")
    .action(async (revisions: string[], o: { message?: string; branchLabel?: string; revId?: string }) => {
      await command.merge(await config(), revisions, {
        message: o.message,
        branchLabel: o.branchLabel,
        revId: o.revId,
        log,
      });
    });

  program
    .command("stamp")
    .description("'stamp' the revision table with the given revision; don't run any migrations")
    .argument("<revisions...>", "revision identifier(s)")
    .option("--sql", "don't emit SQL to database - dump to standard output instead")
    .option("--tag <tag>", "arbitrary 'tag' name - can be used by custom revision files")
    .option("--purge", "unconditionally erase the version table before stamping")
    .addOption(eachOption())
    .addOption(concurrencyOption())
    .addOption(targetOption())
    .addOption(formatOption(["text", "json"]))
    .allowUnknownOption()
    .action(async (revisions: string[], o: StampFlags, cmd: Command) => {
      rejectUnknownOptions(cmd.args);
      if (wantsEach(o)) return runFleetCli("stamp", { revisions, sql: o.sql, tag: o.tag, purge: o.purge }, o, fleet());
      const sql = await command.stamp(await config(), revisions, {
        sql: o.sql,
        tag: o.tag,
        purge: o.purge,
        x: x(),
        log: o.sql ? undefined : log,
      });
      printSql(sql);
    });

  program
    .command("check")
    .description("Check if revision command with autogenerate has pending upgrade ops (exit 1 if so)")
    .addOption(formatOption(["text", "json"]))
    .addOption(eachOption())
    .addOption(concurrencyOption())
    .addOption(targetOption())
    .option(RENAME_FLAG, RENAME_HELP, collect, [] as string[])
    .action(async (o: { format: "text" | "json"; rename: string[] } & FleetFlags) => {
      if (wantsEach(o, { jsonWithoutEach: true })) {
        // A hint names one database's candidates; each target may differ.
        if (o.rename.length) throw new CommandError("--rename cannot be combined with --each");
        return runFleetCli("check", { revisions: [] }, o, fleet());
      }
      const progress = progressLine();
      const result = await command
        .check(await config(), {
          x: x(),
          ...progress.printers,
          renames: o.rename,
          ...(progress.onProgress && { onProgress: progress.onProgress }),
        })
        .finally(() => progress.line.clear());
      if (o.format === "json") {
        // stdout is the document: { upToDate, ops, risks, renameCandidates }.
        printJson(result);
      } else if (result.upToDate) {
        log("No new upgrade operations detected.");
      } else {
        print(describePendingOps(result.ops));
      }
      if (!result.upToDate)
        throw new DiffsDetectedError(`New upgrade operations detected: ${summarizePendingOps(result.ops)}`, result.ops);
    });

  /** Prints a verify report; a failed verify then exits 1 naming the first finding. */
  const report = (r: { lines: string[]; failure: string | null }, result: unknown) => {
    print(r.lines);
    if (r.failure !== null) throw new DiffsDetectedError(r.failure, result);
  };

  program
    .command("verify")
    .description(
      "Prove the revisions on a scratch database: upgrade one by one, compare with the models, downgrade back (exit 1 naming the revision at fault)",
    )
    .argument("[range]", "revisions to check: [start]:[end] or an end (default: base to the heads)")
    .addOption(formatOption(["text", "json"]))
    .addOption(eachOption())
    .addOption(concurrencyOption())
    .addOption(targetOption())
    .action(async (range: string | undefined, o: { format: "text" | "json" } & FleetFlags) => {
      if (wantsEach(o, { jsonWithoutEach: true }))
        return runFleetCli("verify", { revisions: range === undefined ? [] : [range] }, o, fleet());
      const json = o.format === "json";
      // With JSON, stdout is the document: progress goes to stderr.
      const progress = json ? (line: string) => globals().quiet || io.stderr(`${line}\n`) : log;
      const result = await command.verify(await config(), range, { x: x(), log: progress, warn });
      if (json) {
        printJson(result);
        if (!result.ok) throw new DiffsDetectedError(verifyReport(result, "text").failure!, result);
        return;
      }
      report(verifyReport(result, "text"), result);
    });

  program
    .command("lint")
    .description(
      "Classify the ops of revision files by risk, without a database (exit 1 while a risk is not acknowledged in its file)",
    )
    .argument("[range]", "revisions to lint: [start]:[end] or an end (default: those not applied yet, else all)")
    .addOption(formatOption(["text", "json", "markdown", "github"]))
    .action(async (range: string | undefined, o: { format: LintFormat }) => {
      // Notes (an unreachable database) go to stderr: stdout is the report.
      const note = (line: string) => globals().quiet || io.stderr(`${line}\n`);
      const result = await command.lint(await config(), range, { x: x(), log: note, warn });
      for (const line of lintReport(result, o.format, process.cwd())) io.stdout(`${line}\n`);
      const failure = lintFailure(result, process.cwd());
      if (failure !== null) throw new DiffsDetectedError(failure, result);
    });

  program
    .command("diff")
    .description(
      "Show the difference between the database and the models (or between the schemas of two revisions) as a unified diff of each table's DDL (exit 1 when they differ)",
    )
    .argument("[revisions...]", "none: the database against the models; REV1 REV2: the schemas of two revisions")
    .addOption(formatOption(["text", "json"]))
    .action(async (revisions: string[], o: { format: "text" | "json" }) => {
      // Progress (the scratch databases of REV1 REV2) goes to stderr: stdout is the diff.
      const progress = (line: string) => globals().quiet || io.stderr(`${line}\n`);
      const result = await command.diff(await config(), revisions, { x: x(), log: progress, warn });
      if (o.format === "json") printJson(result);
      else io.stdout(diffText(result));
      if (!result.equal) {
        const what = [...result.objects.map((d) => d.name), ...result.otherChanges];
        throw new DiffsDetectedError(`${result.from} and ${result.to} differ: ${what.join(", ")}`, result);
      }
    });

  program
    .command("edit")
    .description("Edit revision script(s) using $EDITOR")
    .argument("<rev>", "revision identifier")
    .action(async (rev: string) => {
      await command.edit(await config(), rev, { x: x() });
    });

  return program;
}

type StampFlags = { sql?: boolean; tag?: string; purge?: boolean } & FleetFlags;

interface RevisionFlags {
  message?: string;
  autogenerate?: boolean;
  sql?: boolean;
  head: string;
  splice?: boolean;
  branchLabel?: string;
  versionPath?: string;
  revId?: string;
  dependsOn: string[];
  verify?: boolean;
  baseline?: boolean;
  rename: string[];
}

/**
 * With allowUnknownOption, a misspelt flag would become a revision argument; only relative
 * targets (`-1`, `-2:head`) may start with a dash.
 */
function rejectUnknownOptions(args: readonly string[]): void {
  const bad = args.find((a) => a.startsWith("-") && !/^-\d/.test(a));
  if (bad !== undefined) throw new CommandError(`unknown option '${bad}'`);
}

function packageVersion(): string {
  return (require("../../package.json") as { version: string }).version;
}

import * as path from "node:path";
import { CommandError } from "@autogen/core";
import type { Connection } from "@autogen/dialects";
import type { ResolvedConfig } from "../config";
import { withDatabaseSession } from "../database-session";
import { resolveFileUrl } from "../resolve-config";
import { xArgumentGetter, type GetXArgument } from "../x-arguments";

/**
 * One database of a fleet: its own URL, or `-x` values for `onConnect` (a schema per tenant
 * through search_path), or both. Each target has its own version table and run lock.
 */
export interface FleetTarget {
  /** Unique; names the target in the summary, in `--target NAME` and in `--sql` file names. */
  readonly name: string;
  /** The target's database URL; default: the config's `url`. */
  readonly url?: string;
  /** `-x` values for this target, over those of the command line. */
  readonly x?: Readonly<Record<string, string>>;
}

/** What a `targets` function is given. */
export interface TargetsContext {
  /** The command line's `-x` arguments. */
  readonly getXArgument: GetXArgument;
  /**
   * Runs `fn` on a session to the config's `url` (after `onConnect`), to read a catalog of
   * tenants; the session is closed afterwards.
   */
  withConnection<T>(fn: (connection: Connection) => Promise<T>): Promise<T>;
}

/** The config's `targets`: a list, or a function (sync or async) returning one. */
export type FleetTargets =
  readonly FleetTarget[] | ((context: TargetsContext) => readonly FleetTarget[] | Promise<readonly FleetTarget[]>);

/**
 * The config's targets, checked (names present and unique, urls and x values strings), in their
 * order; with `only`, those named (`--target NAME`, each of which must exist).
 *
 * @throws CommandError when the config has no `targets`, one is malformed, or `only` names an unknown target.
 */
export async function listTargets(cfg: ResolvedConfig, only: readonly string[] = []): Promise<FleetTarget[]> {
  const where = cfg.configFile ?? "the config";
  if (cfg.targets === undefined) throw new CommandError(`--each needs 'targets' in ${where}`);
  const context: TargetsContext = {
    getXArgument: xArgumentGetter(cfg.xArgs),
    withConnection: (fn) => withDatabaseSession(cfg, {}, (s) => fn(s.connection)),
  };
  const listed = typeof cfg.targets === "function" ? await cfg.targets(context) : cfg.targets;
  if (!Array.isArray(listed)) throw new CommandError(`'targets' in ${where} must be (or return) an array`);
  const seen = new Set<string>();
  const targets = listed.map((t: unknown, i) => {
    const target = checkTarget(t, i, where);
    if (seen.has(target.name)) throw new CommandError(`Two targets are named '${target.name}' in ${where}`);
    seen.add(target.name);
    return target;
  });
  if (only.length === 0) return targets;
  const unknown = only.filter((n) => !seen.has(n));
  if (unknown.length > 0)
    throw new CommandError(`No target named ${unknown.map((n) => `'${n}'`).join(", ")} in ${where}`);
  const wanted = new Set(only);
  return targets.filter((t) => wanted.has(t.name));
}

function checkTarget(t: unknown, i: number, where: string): FleetTarget {
  const bad = (why: string) => new CommandError(`Target ${i + 1} of ${where}: ${why}`);
  if (t === null || typeof t !== "object") throw bad("expected { name, url?, x? }");
  const { name, url, x } = t as Record<string, unknown>;
  if (typeof name !== "string" || name === "") throw bad("'name' must be a non-empty string");
  if (url !== undefined && typeof url !== "string") throw bad(`'url' of '${name}' must be a string`);
  if (x !== undefined) {
    if (x === null || typeof x !== "object" || Object.values(x).some((v) => typeof v !== "string"))
      throw bad(`'x' of '${name}' must map names to strings`);
  }
  return {
    name,
    ...(url !== undefined && { url: url as string }),
    ...(x !== undefined && { x: x as Record<string, string> }),
  };
}

/** The config a command runs with on one target: its URL (relative file URLs as in `url`) and `-x` values. */
export function targetConfig(cfg: ResolvedConfig, target: FleetTarget): ResolvedConfig {
  const baseDir = cfg.configFile ? path.dirname(cfg.configFile) : process.cwd();
  return {
    ...cfg,
    ...(target.url !== undefined && { url: resolveFileUrl(target.url, baseDir) }),
    xArgs: { ...cfg.xArgs, ...target.x },
  };
}

import * as fs from "node:fs";
import * as path from "node:path";
import { AutogenError, CommandError } from "@autogen/core";
import type { AutogenConfig, ResolvedConfig } from "./config";
import { resolveConfig } from "./resolve-config";

/** The file names looked for in the working directory when `-c` is not given, in order. */
export const CONFIG_FILE_NAMES = [
  "autogen.config.ts",
  "autogen.config.mts",
  "autogen.config.js",
  "autogen.config.mjs",
] as const;

/** How the command line selects a config. */
export interface LoadConfigOptions {
  /** `-c/--config FILE`; default: the first of CONFIG_FILE_NAMES in `cwd`. */
  file?: string;
  /** `-n/--name ENV`. */
  name?: string;
  /** `-x KEY=VALUE` arguments. */
  x?: Readonly<Record<string, string>>;
  cwd?: string;
  /**
   * Source maps for the config and the TypeScript files it imports (entities), so that stack
   * traces show their TypeScript lines (default: true). The CLI asks for them only with
   * `--raiseerr`, the one case in which it prints a stack.
   */
  sourceMaps?: boolean;
}

/** Finds the config file: the given one (which must exist) or the first default name in cwd. */
export function findConfigFile(o: { file?: string; cwd?: string } = {}): string {
  const cwd = o.cwd ?? process.cwd();
  if (o.file !== undefined) {
    const file = path.resolve(cwd, o.file);
    if (!fs.existsSync(file)) throw new CommandError(`No config file '${o.file}' found`);
    return file;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(cwd, name);
    if (fs.existsSync(file)) return file;
  }
  throw new CommandError(
    `No config file found: looked for ${CONFIG_FILE_NAMES.join(", ")} in ${cwd}; pass -c FILE or run 'autogen init DIR'`,
  );
}

/**
 * Loads a config file (TypeScript through the runtime's loader, with legacy decorators and
 * decorator metadata, so entities it imports need no build step) and resolves it.
 *
 * @throws CommandError when the file is missing, throws while loading, or has no default export.
 */
export async function loadConfig(o: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const file = findConfigFile(o);
  const config = await importConfig(file, o.sourceMaps ?? true);
  return resolveConfig(config, { configFile: file, name: o.name ?? null, x: o.x });
}

async function importConfig(file: string, sourceMaps: boolean): Promise<AutogenConfig> {
  let mod: unknown;
  try {
    mod = await importModule(file, sourceMaps);
  } catch (err) {
    if (err instanceof AutogenError) throw err;
    throw new CommandError(`Could not load config ${file}: ${firstLine(err)}`, { cause: err });
  }
  const config = defaultExport(mod);
  if (config === undefined || config === null) {
    throw new CommandError(`Config ${file} has no default export; use 'export default defineConfig({ ... })'`);
  }
  if (typeof config !== "object") {
    throw new CommandError(`The default export of config ${file} must be an object, not ${typeof config}`);
  }
  return config as AutogenConfig;
}

/**
 * Loads the file through the runtime's loader (swc for TypeScript, require/import for
 * JavaScript). "autogen" is aliased to itself so that a config in a folder without
 * node_modules (a temp dir, a globally installed CLI) still finds `defineConfig`.
 */
async function importModule(file: string, sourceMaps: boolean): Promise<unknown> {
  // Required lazily, and the loader alone: the rest of the runtime (drivers' dialects, the
  // migrator) is for the commands that run revisions, and `--help` needs none of it.
  const runtime: typeof import("@autogen/runtime/dist/src/ts-loader") = require("@autogen/runtime/dist/src/ts-loader");
  runtime.registerTsLoader({ moduleAliases: { autogen: "autogen" } });
  return await runtime.loadModule(file, { sourceMaps });
}

/** `export default x` compiled to CommonJS is `{ default: x }`; `module.exports = x` is x itself. */
function defaultExport(mod: unknown): unknown {
  if (mod !== null && typeof mod === "object" && "default" in mod) {
    const d = (mod as { default: unknown }).default;
    // An ES module imported from CommonJS can nest the default once more.
    if (d !== null && typeof d === "object" && "default" in d && !("scriptLocation" in d)) {
      return (d as { default: unknown }).default;
    }
    return d;
  }
  if (mod !== null && typeof mod === "object" && "scriptLocation" in mod) return mod;
  return undefined;
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n")[0] ?? text;
}

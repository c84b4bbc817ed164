import * as path from "node:path";
import { CommandError } from "@autogen/core";
import type { AutogenConfig, ResolvedConfig } from "./config";

/** Where a config came from and how the command line selects within it. */
export interface ResolveOptions {
  /** The config file; relative paths in the config resolve against its folder. */
  configFile?: string | null;
  /** `-n/--name`: the environment to merge over the top-level settings. */
  name?: string | null;
  /** `-x KEY=VALUE` arguments. */
  x?: Readonly<Record<string, string>>;
  /** Folder relative paths resolve against when there is no config file (default: cwd). */
  baseDir?: string;
}

/** True for a config that already went through resolveConfig. */
export function isResolvedConfig(c: AutogenConfig | ResolvedConfig): c is ResolvedConfig {
  return "xArgs" in c && "configFile" in c && path.isAbsolute(c.scriptLocation);
}

/**
 * Merges the selected environment, makes paths absolute and validates the fields every
 * command needs. A config object given to `command.*` resolves against the working
 * directory, as a relative path would for any Node API.
 *
 * @throws CommandError for a missing `scriptLocation` or an unknown environment name.
 */
export function resolveConfig(config: AutogenConfig | ResolvedConfig, o: ResolveOptions = {}): ResolvedConfig {
  if (config === null || typeof config !== "object") {
    throw new CommandError("The config must be an object (export default defineConfig({ ... }))");
  }
  if (isResolvedConfig(config) && !o.name) {
    return o.x ? { ...config, xArgs: { ...config.xArgs, ...o.x } } : config;
  }
  const configFile = o.configFile ?? null;
  const baseDir = configFile ? path.dirname(configFile) : (o.baseDir ?? process.cwd());
  const { environments, ...base } = config as AutogenConfig;
  let merged: Omit<AutogenConfig, "environments"> = base;
  if (o.name) {
    const env = environments?.[o.name];
    if (!env) {
      const known = Object.keys(environments ?? {});
      throw new CommandError(
        `No environment named '${o.name}' in ${configFile ?? "the config"}; ` +
          (known.length ? `known environments: ${known.join(", ")}` : "it defines no environments"),
      );
    }
    merged = { ...base, ...env };
  }
  if (typeof merged.scriptLocation !== "string" || merged.scriptLocation === "") {
    throw new CommandError(`No 'scriptLocation' key found in ${configFile ?? "the config"}`);
  }
  const scriptLocation = path.resolve(baseDir, merged.scriptLocation);
  return {
    ...merged,
    scriptLocation,
    ...(merged.versionLocations && { versionLocations: merged.versionLocations.map((p) => path.resolve(baseDir, p)) }),
    ...(merged.url !== undefined && { url: resolveFileUrl(merged.url, baseDir) }),
    ...(merged.shadowUrl !== undefined && { shadowUrl: resolveFileUrl(merged.shadowUrl, baseDir) }),
    configFile,
    environment: o.name ?? null,
    xArgs: { ...(isResolvedConfig(config) ? config.xArgs : {}), ...(o.x ?? {}) },
  };
}

/**
 * `sqlite:///relative.db` (and `pglite:///relative/dir`) names a file relative to the config
 * file's folder (so the same command works from any working directory); it is rewritten to the
 * absolute form `sqlite:////abs/relative.db`. Other URLs are returned unchanged.
 */
export function resolveFileUrl(url: string, baseDir: string): string {
  const m = /^(sqlite|pglite):\/\/\/([^?]*)(\?.*)?$/i.exec(url);
  if (!m) return url;
  const scheme = m[1]!;
  const file = m[2]!;
  if (file === "" || file.startsWith("/") || file === ":memory:") return url;
  const abs = path.resolve(baseDir, decodeURIComponent(file));
  return `${scheme}:///${abs.split("/").map(encodeURIComponent).join("/")}${m[3] ?? ""}`;
}

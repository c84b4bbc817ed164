import { dirname, join } from "node:path";
import { CommandError } from "@autogen/core";
import type { DataSourceLike } from "./typeorm-shapes";

/** The TypeORM exports this package uses (both 0.3.x and 1.x export them from the root). */
export interface TypeORMExports {
  readonly DataSource: new (options: Record<string, unknown>) => unknown;
  readonly Table: { create(entityMetadata: unknown, driver: unknown): unknown };
  readonly [name: string]: unknown;
}

/** One loaded copy of TypeORM: its root exports and a way to load its internal modules. */
export interface TypeORMModule {
  readonly exports: TypeORMExports;
  /** Major line: 0 for 0.3.x, 1 for 1.x. See typeorm-version-adapter.ts for what differs. */
  readonly major: 0 | 1;
  /** The package directory, for deep imports; null when the module was not loaded through require (ESM). */
  readonly dir: string | null;
}

/**
 * Finds the TypeORM copy to build metadata with: the one given; else the one a given
 * DataSource was made by; else the one already loaded (the copy the project's entities were
 * decorated with); else `typeorm` resolved from the working directory, then from here (through
 * `require`, so a loader alias `typeorm → typeorm03` applies). Entities register in a storage
 * every copy shares, but names and types follow the version that builds the metadata, and a
 * project on 0.3 must not get 1.x's names.
 */
export function resolveTypeORM(o: { typeorm?: unknown; dataSource?: DataSourceLike }): TypeORMModule {
  let exports = o.typeorm as TypeORMExports | undefined;
  let dir: string | null = null;
  if (exports === undefined && o.dataSource !== undefined) {
    // instanceof, not constructor identity: projects often subclass DataSource.
    const ds = o.dataSource;
    const cached = Object.values(require.cache).find((m) => {
      const DataSource = (m?.exports as Partial<TypeORMExports> | undefined)?.DataSource;
      return typeof DataSource === "function" && ds instanceof DataSource;
    });
    if (cached) {
      exports = cached.exports as TypeORMExports;
      dir = dirname(cached.filename);
    }
  }
  if (exports === undefined) {
    const loaded = loadedCopy();
    if (loaded) ({ exports, dir } = loaded);
  }
  if (exports === undefined) {
    const path = resolveFrom([process.cwd(), __dirname]);
    exports = require(path) as TypeORMExports;
    dir = dirname(path);
  }
  if (typeof exports?.DataSource !== "function" || typeof exports.Table?.create !== "function") {
    throw new CommandError("The typeorm module given does not export DataSource and Table");
  }
  dir ??= directoryOf(exports);
  return { exports, major: detectMajor(exports), dir };
}

/** Loads `typeorm/<subpath>` from the same copy as `tm`, or undefined when that is impossible. */
export function requireInternal<T>(tm: TypeORMModule, subpath: string): T | undefined {
  if (tm.dir === null) return undefined;
  try {
    return require(join(tm.dir, subpath)) as T;
  } catch {
    return undefined;
  }
}

/** The root module of a TypeORM copy loaded in this process, if exactly one is. */
function loadedCopy(): { exports: TypeORMExports; dir: string } | undefined {
  const copies = Object.values(require.cache).filter((m): m is NodeJS.Module => {
    const e = m?.exports as Partial<TypeORMExports> | undefined;
    return (
      !!m &&
      /[\\/]index\.js$/.test(m.filename) &&
      typeof e?.DataSource === "function" &&
      typeof e["getMetadataArgsStorage"] === "function"
    );
  });
  if (copies.length !== 1) return undefined;
  return { exports: copies[0]!.exports as TypeORMExports, dir: dirname(copies[0]!.filename) };
}

function resolveFrom(paths: string[]): string {
  for (const from of paths) {
    try {
      return require.resolve("typeorm", { paths: [from] });
    } catch {
      // not installed there: try the next place
    }
  }
  throw new CommandError("Could not load typeorm: the package is not installed");
}

function directoryOf(exports: unknown): string | null {
  const cached = Object.values(require.cache).find((m) => m?.exports === exports);
  return cached ? dirname(cached.filename) : null;
}

/**
 * 1.0 removed the deprecated Connection API (`createConnection` and friends), so its presence
 * marks 0.3.x. Feature detection rather than package.json: the module object may come from a
 * bundle or an alias whose package.json is not where we would look.
 */
function detectMajor(exports: TypeORMExports): 0 | 1 {
  return typeof exports["createConnection"] === "function" ? 0 : 1;
}

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
 * Finds the TypeORM copy to build metadata with: the one given, else the one a given
 * DataSource was made by, else `require("typeorm")` from this process (so a loader alias
 * `typeorm → typeorm03` applies). Entities register themselves in a storage shared by every
 * copy (`globalThis.typeormMetadataArgsStorage`), but the builder classes must be the same copy
 * as the DataSource, hence this lookup.
 */
export function resolveTypeORM(o: { typeorm?: unknown; dataSource?: DataSourceLike }): TypeORMModule {
  let exports = o.typeorm as TypeORMExports | undefined;
  let dir: string | null = null;
  if (exports === undefined && o.dataSource !== undefined) {
    const ctor = (o.dataSource as { constructor?: unknown }).constructor;
    const cached = Object.values(require.cache).find((m) => (m?.exports as Partial<TypeORMExports> | undefined)?.DataSource === ctor);
    if (cached) {
      exports = cached.exports as TypeORMExports;
      dir = dirname(cached.filename);
    }
  }
  if (exports === undefined) {
    let path: string;
    try {
      path = require.resolve("typeorm");
    } catch (error) {
      throw new CommandError("Could not load typeorm: the package is not installed", { cause: error });
    }
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

import { readFileSync, statSync } from "node:fs";
import Module from "node:module";
import { dirname, extname, resolve as resolvePath } from "node:path";
import { pathToFileURL } from "node:url";
import type { Options as SwcOptions } from "@swc/core";
import { CommandError } from "@autogen/core";
import { CompileCache, sourceHash } from "./compile-cache";
import { syntaxErrorPosition } from "./syntax-error-position";

/** Options of {@link registerTsLoader}. */
export interface TsLoaderOptions {
  /**
   * Bare module names resolved as another module, e.g. `{ typeorm: "typeorm03" }` so fixture
   * entities written against "typeorm" load under TypeORM 0.3. Subpaths follow
   * (`typeorm/browser` → `typeorm03/browser`).
   */
  moduleAliases?: Record<string, string>;
}

/** The extensions compiled by the hook. */
const TS_EXTENSIONS = [".ts", ".mts", ".cts"] as const;

// Node's internals we patch; typed here because @types/node does not declare them.
interface ModuleInternals {
  _extensions: Record<string, (module: CompilableModule, filename: string) => void>;
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
}
interface CompilableModule {
  _compile(code: string, filename: string): unknown;
}

const internals = Module as unknown as ModuleInternals;
const aliases = new Map<string, string>();
/** Compiled code per file, valid while the file's mtime is unchanged (watch mode, tests rewriting a file). */
const compiled = new Map<string, { mtimeMs: number; code: string }>();
let registered = false;

let swcModule: typeof import("@swc/core") | undefined;

/**
 * @swc/core, loaded when the first file needs compiling: a graph command with a JavaScript
 * config, or a run whose files all come from the compile cache, never loads its native binding
 * (about 35 ms).
 */
function swc(): typeof import("@swc/core") {
  return (swcModule ??= require("@swc/core") as typeof import("@swc/core"));
}

/** Whether files compiled now carry an inline source map (see {@link LoadModuleOptions.sourceMaps}). */
let withSourceMaps = true;

/** swc's output kept on disk for the load in progress ({@link CompileCache}); none outside a load. */
let diskCache: CompileCache | undefined;

/**
 * The disk caches this process opened, by entry folder and source-map setting: each is read once
 * and written once, at exit. `upgrade` loads each revision file on its own, all from one folder:
 * a cache read and written per load would read and write the whole folder's cache per revision.
 */
const diskCaches = new Map<string, CompileCache | undefined>();

function diskCacheFor(entry: string): CompileCache | undefined {
  const key = `${dirname(entry)}\0${withSourceMaps}`;
  if (!diskCaches.has(key)) {
    if (diskCaches.size === 0) process.once("exit", () => diskCaches.forEach((cache) => cache?.flush()));
    diskCaches.set(key, CompileCache.near(entry, cacheFingerprint()));
  }
  return diskCaches.get(key);
}

const swcOptions: SwcOptions = {
  swcrc: false,
  configFile: false,
  // Without the TypeScript text: a stack trace needs only the mappings (Node reads the file for a
  // source line), and the text doubled what Node decodes for every file it loads.
  inlineSourcesContent: false,
  module: { type: "commonjs" },
  jsc: {
    target: "es2022",
    parser: { syntax: "typescript", decorators: true, dynamicImport: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      // TypeORM entities declare properties without initializers; [[Define]] semantics
      // would add own `undefined` properties that shadow accessors set up by decorators.
      useDefineForClassFields: false,
    },
    keepClassNames: true,
  },
};

/** A file that the caches do not hold: what compiling it needs and what storing its JavaScript needs. */
interface ToCompile {
  readonly filename: string;
  readonly mtimeMs: number;
  readonly source: string;
  readonly hash: string | undefined;
}

/**
 * The file's JavaScript from the in-memory cache (path + mtime) or, during a load, the disk
 * cache ({@link CompileCache}, written when the process exits); else what compiling it needs.
 */
function lookUp(filename: string): string | ToCompile {
  const mtimeMs = statSync(filename).mtimeMs;
  const hit = compiled.get(filename);
  if (hit && hit.mtimeMs === mtimeMs) return hit.code;
  const source = readFileSync(filename, "utf8");
  const hash = diskCache && sourceHash(source);
  const cached = hash === undefined ? undefined : diskCache?.get(filename, hash);
  if (cached !== undefined) compiled.set(filename, { mtimeMs, code: cached });
  return cached ?? { filename, mtimeMs, source, hash };
}

/** Keeps what swc made of `file` in both caches; returns it. */
function compiledNow(file: ToCompile, code: string): string {
  if (file.hash !== undefined) diskCache?.set(file.filename, file.hash, code);
  compiled.set(file.filename, { mtimeMs: file.mtimeMs, code });
  return code;
}

function swcOptionsFor(filename: string): SwcOptions {
  return { ...swcOptions, sourceMaps: withSourceMaps && "inline", filename };
}

/**
 * Compiles a TypeScript file to CommonJS with swc (no type checking), through the caches of
 * {@link lookUp}. Exported for tools that need the JavaScript text (benchmarks, tests).
 */
export function compileTypeScript(filename: string): string {
  const file = lookUp(filename);
  if (typeof file === "string") return file;
  return compiledNow(file, swc().transformSync(file.source, swcOptionsFor(filename)).code);
}

/**
 * What the on-disk cache's file name carries: swc's version and every option that changes its
 * output, so that an upgrade of swc or of the loader starts a new cache.
 */
function cacheFingerprint(): string {
  const swcVersion = (require("@swc/core/package.json") as { version: string }).version;
  return `${swcVersion}\0${JSON.stringify(swcOptions)}\0${withSourceMaps}`;
}

/** The relative or absolute requests of swc's CommonJS output (`require("./x")`), the files a module can import. */
const LOCAL_REQUIRE = /\brequire\("(\.{0,2}\/[^"]*)"\)/g;

/**
 * {@link compileTypeScript} on swc's thread pool, filling the same cache. The file is read
 * synchronously: a small file's promise-based stat and read (open, stat, read, close) cost this
 * thread several times more than the read itself.
 */
async function compileTypeScriptAsync(filename: string): Promise<string> {
  const file = lookUp(filename);
  if (typeof file === "string") return file;
  return compiledNow(file, (await swc().transform(file.source, swcOptionsFor(filename))).code);
}

/**
 * Compiles a TypeScript file and the TypeScript files it imports by relative path, transitively,
 * so that requiring them afterwards only runs them. The file itself compiles here; what it imports
 * compiles on swc's thread pool (every core): a project of a thousand entity files compiles in a
 * fraction of the time one file after the other takes, and a revision file that imports nothing
 * pays no thread hop. Nothing runs and nothing throws: a file that does not compile or resolve is
 * left for require, which reports it as usual.
 */
async function precompileImports(entry: string): Promise<void> {
  const seen = new Set<string>([entry]);
  const visit = async (filename: string, compile: (filename: string) => string | Promise<string>): Promise<void> => {
    let code: string;
    try {
      code = await compile(filename);
    } catch {
      return;
    }
    // Relative requests resolve from the parent's folder, never through node_modules paths.
    const parent = { id: filename, filename, paths: [] };
    const imports: Promise<void>[] = [];
    for (const [, request] of code.matchAll(LOCAL_REQUIRE)) {
      let resolved: string;
      try {
        resolved = internals._resolveFilename(request as string, parent, false);
      } catch {
        continue;
      }
      if (!(TS_EXTENSIONS as readonly string[]).includes(extname(resolved)) || seen.has(resolved)) continue;
      seen.add(resolved);
      imports.push(visit(resolved, compileTypeScriptAsync));
    }
    await Promise.all(imports);
  };
  await visit(entry, compileTypeScript);
}

/**
 * Installs a require hook for `.ts`, `.mts` and `.cts` files that compiles them with swc
 * (legacy decorators with `design:*` metadata, CommonJS output, inline source maps unless
 * {@link loadModule} was told otherwise; Node's source-mapped stacks are turned on by loadModule).
 * Idempotent: later calls only add module aliases.
 */
export function registerTsLoader(o: TsLoaderOptions = {}): void {
  for (const [from, to] of Object.entries(o.moduleAliases ?? {})) aliases.set(from, to);
  if (registered) return;
  registered = true;
  for (const ext of TS_EXTENSIONS) {
    internals._extensions[ext] = (module, filename) => {
      module._compile(compileTypeScript(filename), filename);
    };
  }
  const originalResolve = internals._resolveFilename;
  internals._resolveFilename = function (request, parent, isMain, options) {
    const aliased = applyAlias(request);
    if (aliased === undefined) return originalResolve.call(this, request, parent, isMain, options);
    try {
      return originalResolve.call(this, aliased, parent, isMain, options);
    } catch (error) {
      // Fixtures often live in temp directories without node_modules: the alias target is
      // a dependency of the project running autogen, so resolve it from here as well.
      if ((error as { code?: string }).code !== "MODULE_NOT_FOUND") throw error;
      return require.resolve(aliased, { paths: [process.cwd(), __dirname] });
    }
  };
}

/** The aliased request, or undefined when no alias covers it. */
function applyAlias(request: string): string | undefined {
  if (aliases.size === 0) return undefined;
  const slash = request.startsWith("@") ? request.indexOf("/", request.indexOf("/") + 1) : request.indexOf("/");
  const name = slash === -1 ? request : request.slice(0, slash);
  const target = aliases.get(name);
  return target === undefined ? undefined : target + request.slice(name.length);
}

/** Options of {@link loadModule}. */
export interface LoadModuleOptions {
  /**
   * Whether the TypeScript files this load compiles (the file and those it imports) carry an
   * inline source map, so that stack traces point at their TypeScript lines (default: true). A
   * caller that shows no stack can save the cost: for a thousand entity files, Node reading
   * their maps took about a sixth of loading them. Revision files keep theirs: lint and show read
   * the lines of their ops from stacks (record-revision-ops.ts).
   */
  sourceMaps?: boolean;
}

/** mtime of each file at its last load, so a rewritten file is loaded again. */
const loadedAt = new Map<string, number>();

/**
 * Loads a config, revision or entity module: `.ts`/`.mts`/`.cts` through the swc hook (the
 * TypeScript files it imports compiled ahead, in parallel), `.js`/`.cjs` with require, `.mjs`
 * with import(). A file changed since it was last loaded is loaded again. A file that cannot be
 * compiled or throws while loading gives a CommandError naming it.
 */
export async function loadModule(path: string, o: LoadModuleOptions = {}): Promise<Record<string, unknown>> {
  const previous = withSourceMaps;
  withSourceMaps = o.sourceMaps ?? previous;
  // Stack traces of the files loaded now then point at their TypeScript lines. Turned on only
  // by a load that asks for maps, never for the config alone: with source maps on, Node reads
  // and parses the .js.map file of every module compiled afterwards (TypeORM ships about a
  // thousand), which cost a project of 1,000 entity files about 0.1 s of loading.
  if (withSourceMaps) process.setSourceMapsEnabled?.(true);
  try {
    return await load(path);
  } finally {
    withSourceMaps = previous;
  }
}

async function load(path: string): Promise<Record<string, unknown>> {
  const filename = resolvePath(path);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(filename).mtimeMs;
  } catch {
    throw new CommandError(`Could not load ${filename}: file not found`);
  }
  try {
    if (extname(filename) === ".mjs") {
      return (await import(pathToFileURL(filename).href + `?mtime=${mtimeMs}`)) as Record<string, unknown>;
    }
    const previousCache = diskCache;
    try {
      if ((TS_EXTENSIONS as readonly string[]).includes(extname(filename))) {
        registerTsLoader();
        diskCache = diskCacheFor(filename);
        await precompileImports(filename);
      }
      const previous = loadedAt.get(filename);
      if (previous !== undefined && previous !== mtimeMs) delete require.cache[filename];
      loadedAt.set(filename, mtimeMs);
      return require(filename) as Record<string, unknown>;
    } finally {
      diskCache = previousCache;
    }
  } catch (error) {
    if (error instanceof CommandError) throw error;
    delete require.cache[filename];
    loadedAt.delete(filename);
    throw new CommandError(`Could not load ${filename}${positionSuffix(filename, error)}: ${firstLine(error)}`, {
      cause: error,
    });
  }
}

/**
 * `:line:column` of a syntax error in the file itself, as editors and terminals link it; for one in
 * a file it imports, `: other.ts:line:column`; else empty.
 */
function positionSuffix(filename: string, error: unknown): string {
  const at = syntaxErrorPosition(filename, error);
  if (!at) return "";
  return at.file === filename ? `:${at.line}:${at.column}` : `: ${at.file}:${at.line}:${at.column}`;
}

/** The first meaningful line of an error (swc reports multi-line diagnostics). */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text
    .split("\n")
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim())
    .find((l) => l !== "" && !/^(×|x|error:)\s*$/.test(l));
  return (line ?? text).replace(/^[×x]\s+/, "");
}

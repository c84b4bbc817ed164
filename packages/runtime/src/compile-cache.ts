import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** One cached compilation: the hash of the TypeScript text it was compiled from, and the JavaScript. */
interface Entry {
  readonly hash: string;
  readonly code: string;
}

/** The environment variable that turns the on-disk cache off when set to `0`. */
export const COMPILE_CACHE_ENV = "AUTOGEN_COMPILE_CACHE";

/**
 * swc's output for the TypeScript files of one project, kept on disk between runs, in one file
 * under the nearest `node_modules/.cache/autogen/` (where babel-loader, eslint and others keep
 * theirs). Loading a thousand entity files took 0.97 s with swc compiling them (on every core,
 * the main thread handing the files over) and 0.78 s with their JavaScript read back from one
 * file (medians of 10 interleaved runs). The loader reads a cache once per process and writes it
 * once, at exit (ts-loader.ts).
 *
 * An entry is found by the file's path and used only when the hash of the file's current text is
 * the one it was compiled from; the cache file's name carries swc's version and the loader's
 * options, so a change of either starts a new one. Writes go to a temporary file renamed over the
 * old one, so that concurrent runs (a fleet upgrade) never read half a cache: the last to finish
 * wins, and the others' new entries are compiled again next time. A cache that cannot be read or
 * written is ignored: the cache saves time, it never changes what loads.
 */
export class CompileCache {
  private entries: Map<string, Entry> | undefined;
  private readonly touched = new Set<string>();
  private dirty = false;

  private constructor(private readonly file: string) {}

  /**
   * The cache for the modules loaded from `entry` (a config or revision file) compiled with
   * options `fingerprint`, or undefined when no `node_modules` folder is found above it or
   * `AUTOGEN_COMPILE_CACHE=0`.
   */
  static near(entry: string, fingerprint: string): CompileCache | undefined {
    if (process.env[COMPILE_CACHE_ENV] === "0") return undefined;
    const scope = dirname(entry);
    const modules = nearestNodeModules(scope);
    if (modules === undefined) return undefined;
    const name = createHash("sha1").update(`${fingerprint}\0${scope}`).digest("hex").slice(0, 20);
    return new CompileCache(join(modules, ".cache", "autogen", "ts", `${name}.json`));
  }

  /** The cached JavaScript of `filename` when it was compiled from a text of {@link sourceHash} `hash`, else undefined. */
  get(filename: string, hash: string): string | undefined {
    const entry = this.read().get(filename);
    if (entry === undefined || entry.hash !== hash) return undefined;
    this.touched.add(filename);
    return entry.code;
  }

  /** Records `code`, compiled from a text of {@link sourceHash} `hash`, as the JavaScript of `filename`. */
  set(filename: string, hash: string, code: string): void {
    this.read().set(filename, { hash, code });
    this.touched.add(filename);
    this.dirty = true;
  }

  /**
   * Writes the cache when something was added: the entries used or added by this run, and those
   * of earlier runs whose files still exist (a file deleted since leaves the cache).
   */
  flush(): void {
    if (!this.dirty || this.entries === undefined) return;
    this.dirty = false;
    const kept: Record<string, Entry> = {};
    for (const [filename, entry] of this.entries) {
      if (this.touched.has(filename) || existsSync(filename)) kept[filename] = entry;
    }
    const temp = `${this.file}.${process.pid}.tmp`;
    // Nothing here may throw: the loader flushes from the process's exit handler.
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temp, JSON.stringify(kept));
      renameSync(temp, this.file);
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // A leftover temporary file is harmless: the next write's rename does not read it.
      }
    }
  }

  private read(): Map<string, Entry> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch {
      return this.entries;
    }
    try {
      const parsed = JSON.parse(text) as Record<string, Entry>;
      for (const [filename, entry] of Object.entries(parsed)) {
        if (typeof entry?.hash === "string" && typeof entry.code === "string") this.entries.set(filename, entry);
      }
    } catch {
      // A cache file that is not JSON (damaged, or written by something else) is rewritten.
      this.dirty = true;
    }
    return this.entries;
  }
}

/** The hash a cache entry records of the TypeScript text it was compiled from. */
export function sourceHash(source: string): string {
  return createHash("sha1").update(source).digest("base64");
}

/** The `node_modules` folder in `dir` or the closest folder above it that has one. */
function nearestNodeModules(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, "node_modules");
    try {
      if (statSync(candidate).isDirectory()) return candidate;
    } catch {
      // none here: look further up
    }
    if (dirname(at) === at) return undefined;
  }
}

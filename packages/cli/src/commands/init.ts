import * as fs from "node:fs";
import * as path from "node:path";
import { CommandError } from "@autogen/core";
import { fileSystemError } from "../file-system-error";
import { CONFIG_FILE_NAMES } from "../load-config";
import { listTemplates } from "./list-templates";

/** Options of {@link init}. */
export interface InitOptions {
  /** Template name (default `generic`); see `listTemplates()`. */
  template?: string;
  /** Folder the command runs in (default: cwd); the config file is written here if it has none. */
  cwd?: string;
  log?: (line: string) => void;
}

/** What {@link init} wrote. */
export interface InitResult {
  readonly directory: string;
  readonly configFile: string;
  readonly created: readonly string[];
}

/** Template files that are not copied into the new folder. */
const TEMPLATE_META = new Set(["template.json", "autogen.config.ts"]);

/**
 * Creates a new migration environment (Alembic's `init`): DIR with its versions folder(s) and
 * the template's README, plus an autogen.config.ts. Like alembic.ini, the config goes into the
 * working directory, so that `autogen` finds it with no `-c`; when the working directory
 * already has a config, the new one is written inside DIR instead (use `-c DIR/autogen.config.ts`).
 *
 * @throws CommandError `Directory <dir> already exists and is not empty`, `No such template '<name>'`.
 */
export async function init(directory: string, o: InitOptions = {}): Promise<InitResult> {
  const log = o.log ?? (() => {});
  const cwd = o.cwd ?? process.cwd();
  const name = o.template ?? "generic";
  const template = (await listTemplates()).find((t) => t.name === name);
  if (!template) throw new CommandError(`No such template '${name}'`);
  const dir = path.resolve(cwd, directory);
  if (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
    throw new CommandError(`Directory ${dir} already exists and is not empty`);
  }
  const created: string[] = [];
  // Each "done" is printed once the folder or file exists.
  const mkdir = (d: string) => {
    if (fs.existsSync(d)) return;
    try {
      fs.mkdirSync(d, { recursive: true });
    } catch (err) {
      throw fileSystemError(`create directory ${d}`, err);
    }
    log(`Creating directory ${d} ...  done`);
    created.push(d);
  };
  const write = (file: string, text: string) => {
    try {
      fs.writeFileSync(file, text);
    } catch (err) {
      throw fileSystemError(`write ${file}`, err);
    }
    log(`Generating ${file} ...  done`);
    created.push(file);
  };

  mkdir(dir);
  const manifest = JSON.parse(fs.readFileSync(path.join(template.directory, "template.json"), "utf8")) as {
    directories?: string[];
  };
  for (const sub of manifest.directories ?? []) mkdir(path.join(dir, sub));
  copyTree(template.directory, dir, mkdir, write);

  const hasConfig = CONFIG_FILE_NAMES.some((n) => fs.existsSync(path.join(cwd, n)));
  const configFile = hasConfig ? path.join(dir, "autogen.config.ts") : path.join(cwd, "autogen.config.ts");
  const scriptLocation = toPosix(path.relative(path.dirname(configFile), dir)) || ".";
  const text = fs
    .readFileSync(path.join(template.directory, "autogen.config.ts"), "utf8")
    .replaceAll("{{scriptLocation}}", scriptLocation);
  write(configFile, text);
  log(`Please edit configuration/connection settings in '${configFile}' before proceeding.`);
  return { directory: dir, configFile, created };
}

function copyTree(from: string, to: string, mkdir: (d: string) => void, write: (f: string, t: string) => void): void {
  for (const e of fs.readdirSync(from, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (TEMPLATE_META.has(e.name)) continue;
    const src = path.join(from, e.name);
    const dest = path.join(to, e.name);
    if (e.isDirectory()) {
      mkdir(dest);
      copyTree(src, dest, mkdir, write);
    } else {
      write(dest, fs.readFileSync(src, "utf8"));
    }
  }
}

/** Config files use `/` on every platform. */
function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

import * as fs from "node:fs";
import * as path from "node:path";
import type { MigrationScript } from "@autogen/core";
import type { RenderOptions } from "@autogen/renderer";
import type { ScriptDirectory } from "@autogen/script";
import type { ResolvedConfig } from "./config";
import { fileSystemError } from "./file-system-error";
import { rendererModule } from "./lazy-modules";
import { tuneV8ForLoops } from "./short-run-v8";

/**
 * Renders one revision directive into its file (named by the config's fileTemplate), then
 * runs the post-write hooks on it (default: prettier). Returns the file's path.
 */
export async function writeRevisionFile(
  config: ResolvedConfig,
  script: ScriptDirectory,
  directive: MigrationScript,
  o: { createDate: Date; log?: (line: string) => void; copyFrom?: RenderOptions["copyFrom"] },
): Promise<string> {
  const renderer = rendererModule();
  const file = script.revisionPath({
    revId: directive.revId,
    message: directive.message,
    date: o.createDate,
    ...(directive.versionPath !== null && { versionPath: directive.versionPath }),
  });
  const text = renderer.renderMigrationScript(directive, {
    createDate: o.createDate,
    renderItem: config.renderItem,
    renderAsBatch: config.renderAsBatch,
    ...(o.copyFrom && { copyFrom: o.copyFrom }),
  });
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (err) {
    throw fileSystemError(`write revision file ${file}`, err);
  }
  // Said once the file exists: a failure above must not follow a "done".
  o.log?.(`  Generating ${file} ...  done`);
  // The hooks (prettier) run one printer over the whole file: V8's default budget suits them.
  tuneV8ForLoops();
  await renderer.runPostWriteHooks(file, config.postWriteHooks ?? ["prettier"]);
  return file;
}

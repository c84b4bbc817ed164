import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A new empty folder under the system temp folder, named `autogen-<label>-<random>` so a
 * leftover says which test made it. `parent` puts it elsewhere (e.g. inside the repository, for
 * projects that must resolve the repository's node_modules).
 */
export function tempDir(label: string, parent: string = os.tmpdir()): string {
  return fs.mkdtempSync(path.join(parent, `autogen-${label.replace(/[^\w-]+/g, "_")}-`));
}

import { spawnSync } from "node:child_process";
import { CommandError } from "@autogen/core";
import type { CommandOptions } from "../command-options";
import type { AutogenConfig } from "../config";
import { withDatabaseSession } from "../database-session";
import { scriptModule } from "../lazy-modules";
import { resolveConfig } from "../resolve-config";
import { loadScriptDirectory } from "../script-directory";
import { readCurrentHeads } from "./current-heads";

/** Editors tried, in order, when neither $VISUAL nor $EDITOR is set (Alembic's list). */
const FALLBACK_EDITORS = ["sensible-editor", "editor", "nano", "vim", "code"];

/**
 * Opens the revision file(s) a symbol names in $VISUAL or $EDITOR (Alembic's `edit`); `current`
 * opens the database's current revisions.
 *
 * @returns the paths opened.
 */
export async function edit(config: AutogenConfig, rev: string, o: CommandOptions = {}): Promise<string[]> {
  const cfg = resolveConfig(config, { x: o.x });
  const script = await loadScriptDirectory(cfg);
  const s = scriptModule();
  let revisions;
  if (rev === "current") {
    const heads = await withDatabaseSession(cfg, o, (session) => readCurrentHeads(cfg, session));
    if (heads.length === 0) throw new CommandError("No current revisions");
    revisions = s.catchRevisionErrors(() => script.map.getRevisions(heads));
  } else {
    revisions = s.catchRevisionErrors(() => script.map.getRevisions(rev));
    if (revisions.length === 0) throw new CommandError(`No revision files indicated by symbol '${rev}'`);
  }
  const paths = revisions.map((r) => r.path);
  for (const file of paths) openInEditor(file);
  return paths;
}

function openInEditor(file: string): void {
  const configured = process.env.VISUAL || process.env.EDITOR;
  const candidates = configured ? [configured] : FALLBACK_EDITORS;
  for (const editor of candidates) {
    // $EDITOR may carry arguments (`code --wait`), so it goes through the shell.
    const r = spawnSync(`${editor} "$AUTOGEN_EDIT_FILE"`, {
      shell: true,
      stdio: "inherit",
      env: { ...process.env, AUTOGEN_EDIT_FILE: file },
    });
    if (r.status === 127 && !configured) continue; // not installed: try the next one
    if (r.error || r.status !== 0) {
      throw new CommandError(`Error executing editor ${editor} on ${file} (exit ${r.status ?? r.error?.message})`);
    }
    return;
  }
  throw new CommandError("No editor found: set $EDITOR or $VISUAL");
}

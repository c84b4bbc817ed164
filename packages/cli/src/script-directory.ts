import type { ScriptDirectory } from "@autogen/script";
import type { ResolvedConfig } from "./config";
import { scriptModule } from "./lazy-modules";

/** Reads the revision files' headers (never executes them) into a ScriptDirectory. */
export async function loadScriptDirectory(config: ResolvedConfig): Promise<ScriptDirectory> {
  return scriptModule().ScriptDirectory.load({
    scriptLocation: config.scriptLocation,
    ...(config.versionLocations && { versionLocations: [...config.versionLocations] }),
    ...(config.fileTemplate !== undefined && { fileTemplate: config.fileTemplate }),
  });
}

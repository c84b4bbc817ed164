import * as fs from "node:fs";
import * as path from "node:path";
import { TEMPLATES_DIR } from "../templates-dir";

/** A template `init` can write, described by the first line of its README. */
export interface TemplateInfo {
  readonly name: string;
  readonly description: string;
  readonly directory: string;
}

/** The templates shipped with autogen, sorted by name (Alembic's `list_templates`). */
export async function listTemplates(): Promise<TemplateInfo[]> {
  return fs
    .readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const directory = path.join(TEMPLATES_DIR, e.name);
      const readme = path.join(directory, "README");
      const description = fs.existsSync(readme) ? (fs.readFileSync(readme, "utf8").split("\n")[0] ?? "").trim() : "";
      return { name: e.name, description, directory };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `autogen list-templates` output, as Alembic prints it. */
export function formatTemplateList(templates: readonly TemplateInfo[]): string[] {
  return [
    "Available templates:",
    "",
    ...templates.map((t) => `${t.name} - ${t.description}`),
    "",
    "Templates are used via the 'init' command, e.g.:",
    "",
    "  autogen init --template generic ./migrations",
  ];
}

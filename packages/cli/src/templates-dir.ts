import * as path from "node:path";

/** packages/cli/templates: this file compiles to dist/src/, two levels below the package. */
export const TEMPLATES_DIR = path.resolve(__dirname, "..", "..", "templates");

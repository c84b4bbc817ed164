import { Option } from "commander";

/** The output formats of the commands that have `--format`. */
export type OutputFormat = "text" | "json" | "markdown" | "github";

/**
 * The one `--format` option: every command that has machine-readable output offers it this
 * way (default `text`; an unknown value is a usage error, exit 2).
 */
export function formatOption(formats: readonly OutputFormat[]): Option {
  return new Option("--format <format>", "output format").choices([...formats]).default("text");
}

/**
 * A JSON document as the CLI prints it: two-space indented, one trailing newline. It is the
 * command's result, so it is printed with -q too (as --sql's SQL is).
 */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

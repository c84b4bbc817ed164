/**
 * The statements of an offline (`--sql`) script, as the online run sends them: split at each `;`
 * that ends a line, `--` comment lines dropped, each trimmed, blank pieces left out.
 * Offline SQL ends every statement with `;` and a newline, so the split is exact for autogen's
 * own output.
 */
export function offlineStatements(sql: string): string[] {
  return sql
    .split(";\n")
    .map((s) =>
      s
        .split("\n")
        .filter((line) => !line.startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter((s) => s !== "");
}

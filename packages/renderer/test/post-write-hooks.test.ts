import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CommandError } from "@autogen/core";
import { renderMigrationScript, runPostWriteHooks, splitArgs } from "../src/index";
import { REVISION_PARSER } from "../src/post-write-hooks";
import { CREATE_DATE, WHOLE_SCRIPT } from "./script-fixtures";

function writeRevision(config?: object): string {
  const dir = mkdtempSync(join(tmpdir(), "autogen-hooks-"));
  if (config) writeFileSync(join(dir, ".prettierrc"), JSON.stringify(config));
  const path = join(dir, "44fa7043e441_add_overdrawn_column.ts");
  writeFileSync(path, renderMigrationScript(WHOLE_SCRIPT, { createDate: CREATE_DATE }));
  return path;
}

describe("post-write hooks", () => {
  it('"prettier" formats the file in place, keeping each op one line wide', async () => {
    const path = writeRevision();
    await runPostWriteHooks(path, ["prettier"]);
    const text = readFileSync(path, "utf8");
    const prettier = await import("prettier");
    // Already formatted: a second pass changes nothing.
    assert.equal(await prettier.format(text, { parser: "typescript", printWidth: 120 }), text);
    assert.match(
      text,
      /^ {2}await op\.addColumn\("accounts", \{ name: "overdrawn", type: "boolean", nullable: true \}\);$/m,
    );
    assert.match(text, /^ {6}\{ name: "name", type: "varchar\(50\)", nullable: false, default: "'anon'" \},$/m);
    // prettier joins the single-constraint arrays that the renderer broke one entry per line.
    assert.match(text, /^ {6}uniques: \[\{ name: "UQ_account_name", columns: \["name"\] \}\],$/m);
  });

  it('"prettier" uses the project config found for the file', async () => {
    const path = writeRevision({ singleQuote: true, printWidth: 100, semi: true });
    await runPostWriteHooks(path, ["prettier"]);
    const text = readFileSync(path, "utf8");
    assert.match(text, /^import type \{ Operations \} from 'autogen';$/m);
    assert.match(
      text,
      /^ {2}await op\.addColumn\('accounts', \{ name: 'overdrawn', type: 'boolean', nullable: true \}\);$/m,
    );
  });

  it(`the ${REVISION_PARSER} parser prints revision files byte for byte as the typescript parser does`, async () => {
    const prettier = await import("prettier");
    const golden = join(__dirname, "..", "..", "test", "golden");
    const revisions = readdirSync(golden).map((f) => readFileSync(join(golden, f), "utf8"));
    revisions.push(renderMigrationScript(WHOLE_SCRIPT, { createDate: CREATE_DATE }));
    // The renderer's own layout, prettier's default width (which breaks ops up) and a house style.
    const styles: import("prettier").Options[] = [
      { printWidth: 120 },
      {},
      { printWidth: 60, singleQuote: true, semi: false, trailingComma: "none" },
    ];
    for (const text of revisions) {
      for (const style of styles) {
        const expected = await prettier.format(text, { ...style, parser: "typescript" });
        assert.equal(await prettier.format(text, { ...style, parser: REVISION_PARSER }), expected);
      }
    }
  });

  it("exec runs a program with the file name substituted, and functions get the path", async () => {
    const path = writeRevision();
    const seen: string[] = [];
    await runPostWriteHooks(path, [
      {
        type: "exec",
        executable: process.execPath,
        options: `-e "require('fs').appendFileSync(process.argv[1], '// stamped\\n')" REVISION_SCRIPT_FILENAME`,
      },
      (p) => {
        seen.push(p);
      },
    ]);
    assert.ok(readFileSync(path, "utf8").endsWith("}\n// stamped\n"));
    assert.deepEqual(seen, [path]);
  });

  it("a failing exec hook is a one-line CommandError", async () => {
    const path = writeRevision();
    await assert.rejects(
      runPostWriteHooks(path, [{ type: "exec", executable: process.execPath, options: '-e "process.exit(3)"' }]),
      CommandError,
    );
  });

  it("splits options like a shell", () => {
    assert.deepEqual(splitArgs(`--write "a b" 'c d' e\\ f REVISION_SCRIPT_FILENAME`), [
      "--write",
      "a b",
      "c d",
      "e f",
      "REVISION_SCRIPT_FILENAME",
    ]);
    assert.throws(() => splitArgs('"open'), CommandError);
  });
});

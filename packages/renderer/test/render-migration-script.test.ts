import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { Column, MigrationScript, Table } from "@autogen/core";
import { BEGIN_MARKER, END_MARKER, formatCreateDate, renderMigrationScript, type BatchTableSource } from "../src/index";
import { CREATE_DATE, EMPTY_SCRIPT, WHOLE_SCRIPT } from "./script-fixtures";

const GOLDEN_DIR = resolve(__dirname, "../../test/golden");
const golden = (name: string): string => readFileSync(join(GOLDEN_DIR, name), "utf8");
const REPO = resolve(__dirname, "../../../..");

describe("renderMigrationScript", () => {
  it("renders a whole revision file (golden)", () => {
    assert.equal(renderMigrationScript(WHOLE_SCRIPT, { createDate: CREATE_DATE }), golden("whole-file.ts.txt"));
  });

  it("renders ModifyTableOps as batchAlterTable blocks with renderAsBatch (golden)", () => {
    assert.equal(
      renderMigrationScript(WHOLE_SCRIPT, { createDate: CREATE_DATE, renderAsBatch: true }),
      golden("whole-file-batch.ts.txt"),
    );
  });

  it("gives a batch block the copyFrom its source returns: the table as createTable's arguments, and its triggers", () => {
    const accounts = Table.create("accounts", [
      Column.create("id", "integer", { nullable: false }),
      Column.create("name", "varchar(50)", { nullable: false }),
    ]);
    const asked: string[] = [];
    const source =
      (direction: string): BatchTableSource =>
      (table, ops, recreate) => {
        asked.push(`${direction} ${table.name} ${ops.length} ${recreate}`);
        return direction === "upgrade"
          ? { table: accounts, triggers: ["CREATE TRIGGER t AFTER INSERT ON accounts BEGIN SELECT 1; END"] }
          : undefined;
      };
    const text = renderMigrationScript(WHOLE_SCRIPT, {
      createDate: CREATE_DATE,
      renderAsBatch: true,
      copyFrom: { upgrade: source("upgrade"), downgrade: source("downgrade") },
    });
    assert.deepEqual(asked, ["upgrade accounts 4 auto", "downgrade accounts 4 auto"]);
    assert.ok(
      text.includes(
        [
          "  }, {",
          "    copyFrom: {",
          "      columns: [",
          '        { name: "id", type: "integer", nullable: false },',
          '        { name: "name", type: "varchar(50)", nullable: false },',
          "      ],",
          "      triggers: [",
          '        "CREATE TRIGGER t AFTER INSERT ON accounts BEGIN SELECT 1; END",',
          "      ],",
          "    },",
          "  });",
        ].join("\n"),
      ),
      text,
    );
    // Without a source's answer the block is as before.
    assert.ok(
      text.includes(
        '    await batch.dropColumn("overdrawn", { existing: { name: "overdrawn", type: "boolean", nullable: true } });\n  });',
      ),
    );
  });

  it("renders an empty op tree as just the markers (golden)", () => {
    const text = renderMigrationScript(EMPTY_SCRIPT, { createDate: CREATE_DATE });
    assert.equal(text, golden("empty.ts.txt"));
    assert.match(
      text,
      new RegExp(`\\{\\n  ${BEGIN_MARKER.replace(/[#]/g, "\\#")}\\n  ${END_MARKER.replace(/[#]/g, "\\#")}\\n\\}`),
    );
  });

  it("gives byte-identical files for two runs over the same input", () => {
    const a = renderMigrationScript(WHOLE_SCRIPT, { createDate: CREATE_DATE, renderAsBatch: true });
    const rebuilt = MigrationScript.create({ ...WHOLE_SCRIPT });
    const b = renderMigrationScript(rebuilt, { createDate: CREATE_DATE, renderAsBatch: true });
    assert.equal(Buffer.compare(Buffer.from(a), Buffer.from(b)), 0);
  });

  it("writes a base revision's header and keeps `*/` in a message from ending the comment", () => {
    const text = renderMigrationScript(MigrationScript.create({ revId: "000000000001", message: "fix a */ b" }), {
      createDate: CREATE_DATE,
    });
    assert.ok(
      text.startsWith(
        "/**\n * fix a *\\/ b\n *\n * Revision ID: 000000000001\n * Revises:\n * Create Date: 2026-11-21 10:00:00.123000\n */\n",
      ),
    );
    assert.match(text, /^export const downRevision: string \| string\[\] \| null = null;$/m);
    assert.match(text, /^export const branchLabels: string\[\] \| null = null;$/m);
  });

  it("writes `empty message` for a revision without one, so the first doc line is never the Revision ID", () => {
    const text = renderMigrationScript(MigrationScript.create({ revId: "000000000002", message: null }), {
      createDate: CREATE_DATE,
    });
    assert.ok(text.startsWith("/**\n * empty message\n *\n * Revision ID: 000000000002\n"));
  });

  it("formats the Create Date in UTC with microseconds", () => {
    assert.equal(formatCreateDate(new Date(Date.UTC(2026, 0, 5, 3, 4, 5, 67))), "2026-01-05 03:04:05.067000");
  });

  it("renders files that type-check against runtime's Operations interface", () => {
    const dir = mkdtempSync(join(tmpdir(), "autogen-render-tc-"));
    mkdirSync(join(dir, "node_modules", "autogen"), { recursive: true });
    writeFileSync(
      join(dir, "node_modules", "autogen", "package.json"),
      JSON.stringify({ name: "autogen", types: "index.d.ts" }),
    );
    writeFileSync(
      join(dir, "node_modules", "autogen", "index.d.ts"),
      `export type { Operations } from ${JSON.stringify(join(REPO, "packages/runtime/src/operations-api"))};\n`,
    );
    const noHelpers = (s: string): string => s.replace(/^import \{ sql \} from ".\/helpers";\n/m, "");
    writeFileSync(join(dir, "a.ts"), noHelpers(renderMigrationScript(WHOLE_SCRIPT, { createDate: CREATE_DATE })));
    writeFileSync(
      join(dir, "b.ts"),
      noHelpers(renderMigrationScript(WHOLE_SCRIPT, { createDate: CREATE_DATE, renderAsBatch: true })),
    );
    writeFileSync(join(dir, "c.ts"), renderMigrationScript(EMPTY_SCRIPT, { createDate: CREATE_DATE }));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          skipLibCheck: true,
          types: [],
          paths: { "@autogen/core": [join(REPO, "packages/core/src/index.ts")] },
        },
        files: ["a.ts", "b.ts", "c.ts"],
      }),
    );
    const tsc = join(REPO, "node_modules", ".bin", "tsc");
    try {
      execFileSync(tsc, ["-p", dir], { encoding: "utf8" });
    } catch (err) {
      assert.fail(`rendered files do not type-check:\n${(err as { stdout?: string }).stdout ?? err}`);
    }
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tokenizeSqlite } from "../src/sqlite/sqlite-tokenizer";

/** Tokens as `[kind, text, value]`, with their source offsets checked against the text. */
function tokens(sql: string): [string, string, string][] {
  return tokenizeSqlite(sql).map((t) => {
    assert.equal(sql.slice(t.start, t.end), t.text);
    return [t.kind, t.text, t.value];
  });
}

describe("tokenizeSqlite", () => {
  it("unquotes every identifier quoting and string, undoing doubled quotes", () => {
    assert.deepEqual(tokens(`"t""x" [b c] \`d\`\`e\` 'it''s' ''`), [
      ["identifier", `"t""x"`, `t"x`],
      ["identifier", "[b c]", "b c"],
      ["identifier", "`d``e`", "d`e"],
      ["string", "'it''s'", "it's"],
      ["string", "''", ""],
    ]);
  });

  it("skips whitespace of every kind and both comment forms, terminated or not", () => {
    assert.deepEqual(tokens("a\t\r\n\u00a0-- line\nb /* block */ c\fd -- last"), [
      ["word", "a", "a"],
      ["word", "b", "b"],
      ["word", "c", "c"],
      ["word", "d", "d"],
    ]);
    assert.deepEqual(tokens("y /* unterminated"), [["word", "y", "y"]]);
  });

  it("reads numbers in decimal, exponent and hexadecimal forms, and stops where they end", () => {
    assert.deepEqual(tokens("-1.5e+3 .5 0x1F 12abc 3. 0x"), [
      ["punct", "-", "-"],
      ["number", "1.5e+3", "1.5e+3"],
      ["number", ".5", ".5"],
      ["number", "0x1F", "0x1F"],
      ["number", "12", "12"],
      ["word", "abc", "abc"],
      ["number", "3", "3"],
      ["punct", ".", "."],
      ["number", "0", "0"],
      ["word", "x", "x"],
    ]);
  });

  it("reads words of Unicode letters and digits, `_` and `$`; anything else is one punct per character", () => {
    assert.deepEqual(tokens("naïve 名前 $x _y a1b2 x😀 𝒳𝒴"), [
      ["word", "naïve", "naïve"],
      ["word", "名前", "名前"],
      ["word", "$x", "$x"],
      ["word", "_y", "_y"],
      ["word", "a1b2", "a1b2"],
      ["word", "x", "x"],
      ["punct", "\ud83d", "\ud83d"],
      ["punct", "\ude00", "\ude00"],
      ["punct", "\ud835", "\ud835"],
      ["punct", "\udcb3", "\udcb3"],
      ["punct", "\ud835", "\ud835"],
      ["punct", "\udcb4", "\udcb4"],
    ]);
    // A word of ASCII letters ends at a character beyond ASCII that is no letter.
    assert.deepEqual(tokens("ab\u00a0café_2\u2003x"), [
      ["word", "ab", "ab"],
      ["word", "café_2", "café_2"],
      ["word", "x", "x"],
    ]);
    assert.deepEqual(tokens("a𝒳 b::c<>"), [
      ["word", "a𝒳", "a𝒳"],
      ["word", "b", "b"],
      ["punct", ":", ":"],
      ["punct", ":", ":"],
      ["word", "c", "c"],
      ["punct", "<", "<"],
      ["punct", ">", ">"],
    ]);
  });

  it("keeps an unterminated quote to the end of the text", () => {
    assert.deepEqual(
      tokens("x 'abc").map(([kind, text]) => [kind, text]),
      [
        ["word", "x"],
        ["string", "'abc"],
      ],
    );
    assert.deepEqual(
      tokens("[abc").map(([kind, text]) => [kind, text]),
      [["identifier", "[abc"]],
    );
  });
});

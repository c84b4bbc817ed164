import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  canonicalExpressionText,
  canonicalTypeText,
  mapOutsideQuotes,
  splitQuoted,
  stripOuterParens,
} from "../src/canonical-text";

describe("canonical text mechanics", () => {
  it("splits at every kind of quote, keeping doubled quotes inside and an unclosed quote to the end", () => {
    assert.deepEqual(splitQuoted(`a 'it''s' "x""y"\`b\`c 'open`), [
      { quoted: false, text: "a " },
      { quoted: true, text: "'it''s'" },
      { quoted: false, text: " " },
      { quoted: true, text: '"x""y"' },
      { quoted: true, text: "`b`" },
      { quoted: false, text: "c " },
      { quoted: true, text: "'open" },
    ]);
    assert.deepEqual(splitQuoted(""), []);
    assert.deepEqual(splitQuoted("''"), [{ quoted: true, text: "''" }]);
  });

  it("maps only the unquoted parts, and nothing of an empty text", () => {
    const upper = (p: string) => `<${p.toUpperCase()}>`;
    assert.equal(mapOutsideQuotes("a 'b' c", upper), "<A >'b'< C>");
    assert.equal(mapOutsideQuotes("a b", upper), "<A B>");
    assert.equal(mapOutsideQuotes("'b'", upper), "'b'");
    assert.equal(mapOutsideQuotes("", upper), "");
  });

  it("strips only the parentheses that enclose the whole text, ignoring those in quotes", () => {
    assert.equal(stripOuterParens("((a > 0))"), "a > 0");
    assert.equal(stripOuterParens("(a) + (b)"), "(a) + (b)");
    assert.equal(stripOuterParens("(a = ')(')"), "a = ')('");
    assert.equal(stripOuterParens("(a = ')'"), "(a = ')'");
  });

  it("spaces expressions and types one way outside quotes", () => {
    assert.equal(canonicalExpressionText("  (NOW( ) ,  'A  B' , f(x ,y))  "), "now(), 'A  B', f(x, y)");
    assert.equal(canonicalTypeText("NUMERIC (10 , 2)"), "numeric(10,2)");
    assert.equal(canonicalTypeText("ENUM('A', 'b' ,'c')"), "enum('A','b','c')");
  });
});

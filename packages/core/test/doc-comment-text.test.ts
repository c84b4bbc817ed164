import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { escapeDocCommentText, unescapeDocCommentText } from "../src";

describe("doc-comment text", () => {
  it("never holds '*/', and reads back as written", () => {
    for (const text of ["plain", "a */ b", "*/*/", String.raw`already *\/ escaped`, String.raw`*\\/ two`, "/* open"]) {
      const escaped = escapeDocCommentText(text);
      assert.ok(!escaped.includes("*/"), escaped);
      assert.equal(unescapeDocCommentText(escaped), text);
    }
    assert.equal(escapeDocCommentText("a */ b"), String.raw`a *\/ b`);
  });
});

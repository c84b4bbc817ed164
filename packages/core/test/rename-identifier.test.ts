import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mentionsIdentifier } from "../src/index";

describe("mentionsIdentifier", () => {
  it("finds a column named bare or in any quotes, whatever its case, and not inside strings or longer names", () => {
    assert.equal(mentionsIdentifier('"score" >= 0', "score"), true);
    assert.equal(mentionsIdentifier("`Score` >= 0", "score"), true);
    assert.equal(mentionsIdentifier("[score] >= 0", "SCORE"), true);
    assert.equal(mentionsIdentifier("length(score) > 0", "score"), true);
    assert.equal(mentionsIdentifier('"we""ird" > 0', 'we"ird'), true);
    assert.equal(mentionsIdentifier("scores > 0 AND 'score' <> ''", "score"), false);
    assert.equal(mentionsIdentifier('"a score" > 0', "score"), false);
  });
});

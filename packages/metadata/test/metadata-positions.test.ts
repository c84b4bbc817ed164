import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MetadataPositions } from "../src/metadata-positions";

describe("MetadataPositions", () => {
  const a = { name: "a", keys: ["x"] };
  const b = { name: "b", keys: ["y", "x", "x"] };
  const c = { name: "c", keys: ["y"] };

  it("finds the items under any of several keys once each, in array order, and sees items pushed later", () => {
    const items = [a, b];
    const index = new MetadataPositions(items, (i) => i.keys);
    assert.deepEqual(index.itemsUnder(["y", "x"]), [a, b]);
    assert.deepEqual(index.itemsUnder(["x"]), [a, b], "a repeated key counts once");
    items.push(c);
    assert.deepEqual(index.itemsUnder(["y"]), [b, c]);
    assert.deepEqual(index.itemsUnder(["none"]), []);
  });

  it("hands a reader of one key the index's own list, extended as items are pushed", () => {
    const items = [a, c];
    const index = MetadataPositions.byOneKey(items, (i) => i.keys[0]);
    const underY = index.itemsUnderKey("y");
    assert.deepEqual(underY, [c]);
    assert.equal(index.itemsUnderKey("y"), underY, "no copy per lookup");
    items.push(b);
    assert.deepEqual(index.itemsUnderKey("y"), [c, b]);
    assert.deepEqual(index.itemsUnderKey("none"), []);
    const copy = index.itemsUnder(["y"]);
    assert.notEqual(copy, underY, "itemsUnder returns a copy the caller may change");
    assert.deepEqual(copy, [c, b]);
  });
});

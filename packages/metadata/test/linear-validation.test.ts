import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hasDependencyCycle } from "../src/linear-validation";
import type { TypeORMEntityMetadata } from "../src/typeorm-shapes";

/** Entities by name with their relations with join columns: `[target, nullable]`. */
function graph(edges: Record<string, [string, boolean][]>): TypeORMEntityMetadata[] {
  return Object.entries(edges).map(
    ([name, relations]) =>
      ({
        name,
        relationsWithJoinColumns: relations.map(([target, isNullable]) => ({
          isNullable,
          inverseEntityMetadata: { name: target },
        })),
      }) as unknown as TypeORMEntityMetadata,
  );
}

describe("hasDependencyCycle (TypeORM's validateDependencies, without its quadratic ordering)", () => {
  it("finds cycles of non-nullable relations: to itself, between two, around several", () => {
    assert.equal(hasDependencyCycle(graph({ a: [["a", false]] })), true);
    assert.equal(hasDependencyCycle(graph({ a: [["b", false]], b: [["a", false]] })), true);
    assert.equal(
      hasDependencyCycle(graph({ a: [["b", false]], b: [["c", false]], c: [["d", false]], d: [["b", false]] })),
      true,
    );
  });

  it("ignores nullable relations, and finds none in chains, diamonds and forests", () => {
    assert.equal(hasDependencyCycle(graph({ a: [["b", true]], b: [["a", false]] })), false);
    assert.equal(hasDependencyCycle(graph({ a: [["a", true]] })), false);
    assert.equal(
      hasDependencyCycle(
        graph({
          a: [
            ["b", false],
            ["c", false],
          ],
          b: [["d", false]],
          c: [["d", false]],
          d: [],
          e: [["d", false]],
        }),
      ),
      false,
    );
    const chain = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, i): [string, [string, boolean][]] => [
        `t${i}`,
        i ? [[`t${i - 1}`, false]] : [],
      ]),
    );
    assert.equal(hasDependencyCycle(graph(chain)), false, "a deep chain: no recursion limit");
    assert.equal(hasDependencyCycle(graph({ ...chain, t0: [["t9999", false]] })), true);
  });

  it("treats an edge to an unknown entity as a cycle, so that TypeORM's own check reports it", () => {
    assert.equal(hasDependencyCycle(graph({ a: [["ghost", false]] })), true);
  });
});

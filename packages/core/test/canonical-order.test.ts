import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CheckConstraint,
  Column,
  ForeignKey,
  Index,
  IndexElement,
  Table,
  UniqueConstraint,
  sortedSchema,
  sortedTable,
} from "../src/index";

const columns = [Column.create("a", "integer"), Column.create("b", "integer"), Column.create("c", "integer")];
const fk = (cols: string[], refTable: string) => ForeignKey.create({ columns: cols, refTable, refColumns: ["id"] });

describe("canonical schema order (one for metadata and reflection)", () => {
  // Metadata and reflection used to sort with two functions: one kept unnamed constraints in
  // input order, the other ordered them by columns, so the same SQLite table came out of the two
  // sides with its unnamed UNIQUEs and FOREIGN KEYs in different orders (a deep-equality diff).
  it("orders unnamed constraints the same whatever order they arrive in", () => {
    const uniques = [
      UniqueConstraint.create(["b", "c"]),
      UniqueConstraint.create(["a"]),
      UniqueConstraint.create(["b"]),
    ];
    const foreignKeys = [fk(["b"], "y"), fk(["a"], "x"), fk(["a"], "w")];
    const checks = [CheckConstraint.create("b > 0"), CheckConstraint.create("a > 0", "named")];
    const asModel = Table.create("t", columns, { uniques, foreignKeys, checks });
    const asReflected = Table.create("t", columns, {
      uniques: [...uniques].reverse(),
      foreignKeys: [...foreignKeys].reverse(),
      checks: [...checks].reverse(),
    });
    assert.deepEqual(sortedTable(asModel), sortedTable(asReflected));
    const sorted = sortedTable(asModel);
    assert.deepEqual(
      sorted.uniques.map((u) => u.columns),
      [["a"], ["b"], ["b", "c"]],
    );
    // Same columns: the rest of the key decides (here the referenced table).
    assert.deepEqual(
      sorted.foreignKeys.map((f) => `${f.columns.join()}->${f.refTable}`),
      ["a->w", "a->x", "b->y"],
    );
    assert.deepEqual(
      sorted.checks.map((c) => c.name ?? c.expression),
      ["named", "b > 0"],
    );
  });

  it("orders named objects by code unit, tables by schema then name, and keeps column order", () => {
    const t = (name: string, schema: string | null = null) =>
      Table.create(name, [...columns].reverse(), {
        schema,
        indexes: ["b_idx", "B_idx", "a_idx"].map((n) => Index.create(n, [IndexElement.column("a")])),
      });
    const s = sortedSchema({ tables: [t("b"), t("a", "s"), t("a")], schemas: ["s", "s"] });
    assert.deepEqual(
      s.tables.map((x) => `${x.schema ?? ""}.${x.name}`),
      [".a", ".b", "s.a"],
    );
    assert.deepEqual(
      s.tables[0]!.indexes.map((i) => i.name),
      ["B_idx", "a_idx", "b_idx"],
    );
    assert.deepEqual(
      s.tables[0]!.columns.map((c) => c.name),
      ["c", "b", "a"],
    );
    assert.deepEqual(s.schemas, ["s"]);
  });

  it("keeps a table whose lists are in order already as it is, and sorts a copy of one that is not", () => {
    const ix = (n: string) => Index.create(n, [IndexElement.column("a")]);
    const inOrder = Table.create("t", columns, {
      indexes: [ix("a"), ix("b")],
      uniques: [UniqueConstraint.create(["a"])],
    });
    assert.equal(sortedTable(inOrder), inOrder);
    const outOfOrder = Table.create("t", columns, { indexes: [ix("b"), ix("a")] });
    const sorted = sortedTable(outOfOrder);
    assert.notEqual(sorted, outOfOrder);
    assert.deepEqual(
      sorted.indexes.map((i) => i.name),
      ["a", "b"],
    );
    assert.deepEqual(
      outOfOrder.indexes.map((i) => i.name),
      ["b", "a"],
    );
    assert.ok(Object.isFrozen(sorted) && Object.isFrozen(sorted.indexes));
    const byHand = { ...inOrder };
    assert.ok(Object.isFrozen(sortedTable(byHand)), "a table not made by Table.create comes back frozen");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyOpsToSchema, reverseOps, sortedSchema } from "@autogen/core";
import { compareWithRenames, findRenameCandidates, parseRenameHint, renameHintFor } from "../src/index";
import { col, diff, schema, summarize, table } from "./helpers";

const id = col("id", "integer", { nullable: false });
const candidates = (target: ReturnType<typeof schema>, reflected: ReturnType<typeof schema>) =>
  findRenameCandidates(diff(target, reflected).ops).map((f) => ({ ...f.candidate, plausible: f.plausible }));

describe("rename hints", () => {
  it("parses each kind of the grammar, and round-trips the hint of a candidate", () => {
    const cases: [string, object][] = [
      ["users.fullname=name", { kind: "column", table: "users", from: "fullname", to: "name" }],
      ["column:app.users.fullname=name", { kind: "column", table: "app.users", from: "fullname", to: "name" }],
      ["table:coupons=promo_codes", { kind: "table", table: "coupons", from: "coupons", to: "promo_codes" }],
      ["table:app.coupons=promo_codes", { kind: "table", table: "app.coupons", from: "coupons", to: "promo_codes" }],
      ["index:users.IDX_a=IDX_b", { kind: "index", table: "users", from: "IDX_a", to: "IDX_b" }],
      ["unique:users.UQ_a=UQ_b", { kind: "unique", table: "users", from: "UQ_a", to: "UQ_b" }],
      ["fk:orders.FK_a=FK_b", { kind: "foreign-key", table: "orders", from: "FK_a", to: "FK_b" }],
      ["enum-value:mood.sad=un=happy", { kind: "enum-value", table: "mood", from: "sad", to: "un=happy" }],
    ];
    for (const [text, expected] of cases) {
      const { text: _text, ...h } = parseRenameHint(text);
      assert.deepEqual(h, expected, text);
      if (!text.startsWith("column:") && !text.startsWith("fk:")) assert.equal(renameHintFor(h), text);
    }
  });

  it("refuses a malformed hint in one line naming it", () => {
    assert.throws(() => parseRenameHint("users-fullname"), /^CommandError: Invalid --rename 'users-fullname': no '='/);
    assert.throws(
      () => parseRenameHint("fullname=name"),
      /Invalid --rename 'fullname=name': 'fullname' is not TABLE\.OLD/,
    );
    assert.throws(() => parseRenameHint("view:v=w"), /Invalid --rename 'view:v=w': unknown kind 'view'/);
    assert.throws(() => parseRenameHint("users.a="), /no new name/);
  });
});

describe("rename candidates", () => {
  it("pairs each dropped column with each added one of the same table, same type first", () => {
    const before = schema(table("users", [id, col("a", "text"), col("b", "integer")]));
    const after = schema(table("users", [id, col("x", "integer"), col("y", "text")]));
    assert.deepEqual(
      candidates(after, before).map((c) => `${c.table}.${c.from}->${c.to}`),
      ["users.a->y", "users.b->x", "users.a->x", "users.b->y"],
    );
  });

  it("asks about tables that share at least half their columns; any pair stays open to a hint", () => {
    const before = schema(table("coupons", [id, col("code", "text")]), table("old_log", [id, col("line", "text")]));
    const after = schema(table("promo_codes", [id, col("code", "text")]));
    assert.deepEqual(
      candidates(after, before).map((c) => `${c.from}->${c.to} ${c.plausible}`),
      ["coupons->promo_codes true", "old_log->promo_codes true"],
    );
    const unlike = schema(table("audit", [id, col("who", "text"), col("what", "text"), col("at", "text")]));
    assert.deepEqual(
      candidates(after, unlike).map((c) => `${c.from}->${c.to} ${c.plausible}`),
      ["audit->promo_codes false"],
    );
  });

  it("renames a table, then compares its columns under the new name; each object is renamed once", async () => {
    const before = schema(
      table("coupons", [id, col("code", "text"), col("kind", "text")]),
      table("old_log", [id, col("line", "text")]),
    );
    const after = schema(table("promo_codes", [id, col("code", "text"), col("type", "text")]));
    const asked: string[] = [];
    const r = await compareWithRenames(
      after,
      before,
      { dialect: "postgres" },
      {
        decide: (c) => {
          asked.push(`${c.kind} ${c.table}.${c.from}->${c.to}`);
          return true;
        },
      },
    );
    assert.deepEqual(asked, ["table coupons.coupons->promo_codes", "column promo_codes.kind->type"]);
    assert.deepEqual(summarize(r.upgradeOps.ops), [
      "RenameTableOp coupons -> promo_codes",
      'promo_codes: AlterColumnOp kind {"name":"type"}',
      "DropTableOp old_log",
    ]);
    assert.deepEqual(r.unresolved, []);
    // The ops and their reverse take the schema there and back.
    const up = sortedSchema(applyOpsToSchema(before, r.upgradeOps.ops));
    assert.deepEqual(summarize(diff(after, up).ops), []);
    assert.deepEqual(summarize(diff(before, sortedSchema(applyOpsToSchema(up, reverseOps(r.upgradeOps.ops)))).ops), []);
  });

  it("lists declined candidates as unresolved, and a hinted one is decided first", async () => {
    const before = schema(table("users", [id, col("a", "text")]));
    const after = schema(table("users", [id, col("x", "text"), col("y", "text")]));
    const asked: string[] = [];
    const r = await compareWithRenames(
      after,
      before,
      { dialect: "postgres" },
      {
        isHinted: (c) => c.to === "y",
        decide: (c) => {
          asked.push(`${c.from}->${c.to}`);
          return false;
        },
      },
    );
    assert.deepEqual(asked, ["a->y", "a->x"]);
    assert.deepEqual(
      r.unresolved.map((c) => `${c.from}->${c.to}`),
      ["a->x", "a->y"],
    );
  });
});

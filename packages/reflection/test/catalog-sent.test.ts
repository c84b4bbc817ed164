import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Connection, getDialect } from "@autogen/dialects";
import { createIntrospector } from "../src/index";
import { reflectedDatabase, tableNames } from "./reflect-helpers";

/** A statement that reads the catalog (as opposed to PostgreSQL's JIT setting around them). */
const CATALOG = /\bpg_\w+|\binformation_schema\.|\bsqlite_schema\b|\bpragma_\w+/i;

describe("ReflectOptions.onCatalogSent", () => {
  for (const dialect of ["postgres", "mysql", "sqlite"] as const) {
    it(`${dialect}: is called once, when every catalog statement is sent and none is answered yet`, async (t) => {
      const db = await reflectedDatabase(t, dialect, ["CREATE TABLE a (id int PRIMARY KEY)"]);
      if (!db) return;
      const events: string[] = [];
      const watching = new Proxy(db.conn, {
        get(target, key, receiver) {
          if (key !== "query") {
            // Bound: the connection's methods read its private fields.
            const value: unknown = Reflect.get(target, key, receiver);
            return typeof value === "function" ? value.bind(target) : value;
          }
          return async (sql: string, params?: unknown[]) => {
            const kind = CATALOG.test(sql) ? "catalog" : "other";
            events.push(`${kind} sent`);
            const result = await target.query(sql, params);
            events.push(`${kind} answered`);
            return result;
          };
        },
      }) as Connection;
      const schema = await createIntrospector(watching, getDialect(dialect)).reflect({
        onCatalogSent: () => events.push("onCatalogSent"),
      });
      assert.deepEqual(tableNames(schema), ["a"]);
      assert.equal(events.filter((e) => e === "onCatalogSent").length, 1, events.join(", "));
      const at = events.indexOf("onCatalogSent");
      assert.ok(events.slice(0, at).includes("catalog sent"), events.join(", "));
      assert.ok(!events.slice(0, at).includes("catalog answered"), events.join(", "));
      assert.ok(!events.slice(at).includes("catalog sent"), events.join(", "));
    });
  }
});

import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { CommandError } from "@autogen/core";
import { defineConfig } from "../src/config";
import { resolveConfig, resolveFileUrl } from "../src/resolve-config";

describe("resolveConfig", () => {
  const configFile = "/projects/app/autogen.config.ts";

  it("resolves scriptLocation and versionLocations against the config file's folder", () => {
    const c = resolveConfig(
      defineConfig({ scriptLocation: "migrations", versionLocations: ["migrations/a", "/abs/b"] }),
      { configFile },
    );
    assert.equal(c.scriptLocation, "/projects/app/migrations");
    assert.deepEqual(c.versionLocations, ["/projects/app/migrations/a", "/abs/b"]);
    assert.equal(c.configFile, configFile);
    assert.equal(c.environment, null);
  });

  it("resolves a config object without a file against the working directory", () => {
    const c = resolveConfig({ scriptLocation: "m" });
    assert.equal(c.scriptLocation, path.resolve("m"));
    assert.equal(c.configFile, null);
  });

  it("makes relative SQLite URLs absolute and leaves other URLs alone", () => {
    assert.equal(
      resolveConfig({ scriptLocation: "m", url: "sqlite:///data/app.db" }, { configFile }).url,
      "sqlite:////projects/app/data/app.db",
    );
    assert.equal(resolveFileUrl("sqlite:////abs/app.db", "/x"), "sqlite:////abs/app.db");
    assert.equal(resolveFileUrl("sqlite://:memory:", "/x"), "sqlite://:memory:");
    assert.equal(resolveFileUrl("sqlite:///a%20b.db?mode=ro", "/x"), "sqlite:////x/a%20b.db?mode=ro");
    assert.equal(resolveFileUrl("postgres://u:p@h/db", "/x"), "postgres://u:p@h/db");
  });

  it("merges the environment named by --name over the top-level settings", () => {
    const config = defineConfig({
      scriptLocation: "migrations",
      url: "postgres://localhost/dev",
      versionTable: "v",
      environments: { prod: { url: "postgres://db.internal/prod", scriptLocation: "prod-migrations" } },
    });
    const c = resolveConfig(config, { configFile, name: "prod", x: { tenant: "a" } });
    assert.equal(c.url, "postgres://db.internal/prod");
    assert.equal(c.scriptLocation, "/projects/app/prod-migrations");
    assert.equal(c.versionTable, "v");
    assert.equal(c.environment, "prod");
    assert.deepEqual(c.xArgs, { tenant: "a" });
    assert.ok(!("environments" in c));
  });

  it("refuses an unknown environment, listing the known ones", () => {
    const config = { scriptLocation: "m", environments: { staging: {}, prod: {} } };
    assert.throws(
      () => resolveConfig(config, { configFile, name: "qa" }),
      (err: unknown) =>
        err instanceof CommandError &&
        /No environment named 'qa' in .*; known environments: staging, prod$/.test(err.message),
    );
    assert.throws(() => resolveConfig({ scriptLocation: "m" }, { name: "qa" }), /it defines no environments/);
  });

  it("requires scriptLocation (Alembic's text)", () => {
    assert.throws(
      () => resolveConfig({} as never, { configFile }),
      /^CommandError: No 'scriptLocation' key found in \/projects\/app\/autogen.config.ts$/,
    );
  });

  it("returns an already resolved config as is, adding -x arguments", () => {
    const once = resolveConfig({ scriptLocation: "m" }, { configFile, x: { a: "1" } });
    assert.equal(resolveConfig(once), once);
    assert.deepEqual(resolveConfig(once, { x: { b: "2" } }).xArgs, { a: "1", b: "2" });
    assert.equal(resolveConfig(once, { x: { b: "2" } }).scriptLocation, "/projects/app/m");
  });
});

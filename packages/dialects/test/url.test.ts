import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CommandError } from "@autogen/core";
import { type DatabaseUrl, formatUrl, maskUrl, parseUrl } from "../src/index";

describe("parseUrl", () => {
  const cases: [string, DatabaseUrl][] = [
    [
      "postgres://scott:tiger@db.example.com:5433/app",
      {
        dialect: "postgres",
        host: "db.example.com",
        port: 5433,
        user: "scott",
        password: "tiger",
        database: "app",
        params: {},
      },
    ],
    ["postgresql://localhost/app", { dialect: "postgres", host: "localhost", database: "app", params: {} }],
    [
      "postgres://u:p%40ss%2Fw%3Ard@127.0.0.1/my%20db?sslmode=disable&application_name=autogen",
      {
        dialect: "postgres",
        host: "127.0.0.1",
        user: "u",
        password: "p@ss/w:rd",
        database: "my db",
        params: { sslmode: "disable", application_name: "autogen" },
      },
    ],
    // An unescaped @ in the password: the user info ends at the last @.
    [
      "postgres://u:p@ss@host/db",
      { dialect: "postgres", host: "host", user: "u", password: "p@ss", database: "db", params: {} },
    ],
    ["postgres://[::1]:5432/db", { dialect: "postgres", host: "::1", port: 5432, database: "db", params: {} }],
    [
      "mysql://root@127.0.0.1:3306/test",
      { dialect: "mysql", host: "127.0.0.1", port: 3306, user: "root", database: "test", params: {} },
    ],
    [
      "mariadb://app:secret@maria/shop?charset=utf8mb4",
      {
        dialect: "mysql",
        host: "maria",
        user: "app",
        password: "secret",
        database: "shop",
        params: { charset: "utf8mb4" },
      },
    ],
    ["mysql://root@localhost", { dialect: "mysql", host: "localhost", user: "root", params: {} }],
    ["sqlite:///app.db", { dialect: "sqlite", filename: "app.db", params: {} }],
    ["sqlite:///data/app.db", { dialect: "sqlite", filename: "data/app.db", params: {} }],
    ["sqlite:////abs/path.db", { dialect: "sqlite", filename: "/abs/path.db", params: {} }],
    ["sqlite:////tmp/my%20app.db?mode=ro", { dialect: "sqlite", filename: "/tmp/my app.db", params: { mode: "ro" } }],
    ["sqlite://:memory:", { dialect: "sqlite", filename: ":memory:", params: {} }],
    ["sqlite://", { dialect: "sqlite", filename: ":memory:", params: {} }],
    ["sqlite:///:memory:", { dialect: "sqlite", filename: ":memory:", params: {} }],
    // PGlite: PostgreSQL in the process, in a data directory or in memory.
    ["pglite:///data/pg", { dialect: "postgres", driver: "pglite", filename: "data/pg", params: {} }],
    ["pglite:////abs/pg", { dialect: "postgres", driver: "pglite", filename: "/abs/pg", params: {} }],
    ["pglite://:memory:", { dialect: "postgres", driver: "pglite", filename: ":memory:", params: {} }],
    ["pglite://", { dialect: "postgres", driver: "pglite", filename: ":memory:", params: {} }],
  ];
  for (const [url, expected] of cases) {
    it(url, () => assert.deepEqual(parseUrl(url), expected));
  }

  const bad: [string, RegExp][] = [
    ["not a url", /expected <scheme>:\/\//],
    ["oracle://scott:tiger@host/db", /unsupported scheme 'oracle'/],
    ["postgres://u:pw@host:99999/db", /malformed URL/],
    ["postgres:///db", /missing host/],
    ["postgres://host/a/b", /single database name/],
    ["postgres://u:%zz@host/db", /invalid percent-encoding/],
    ["sqlite://host/app.db", /SQLite URLs take no host/],
    ["pglite://host/dir", /PGlite URLs take no host/],
  ];
  for (const [url, reason] of bad) {
    it(`rejects ${url}`, () => {
      assert.throws(
        () => parseUrl(url),
        (err: unknown) => {
          assert.ok(err instanceof CommandError);
          assert.equal(err.exitCode, 2);
          assert.match(err.message, /^Could not parse database URL '/);
          assert.match(err.message, reason);
          assert.doesNotMatch(err.message, /tiger|pw@/);
          return true;
        },
      );
    });
  }
});

describe("maskUrl", () => {
  const cases: [string, string][] = [
    ["postgres://scott:tiger@host:5432/db", "postgres://scott:***@host:5432/db"],
    ["mysql://root@127.0.0.1:3306/test", "mysql://root@127.0.0.1:3306/test"],
    ["mysql://:only-password@host/db", "mysql://:***@host/db"],
    ["postgres://u:p@ss/w@host/db?x=a@b", "postgres://u:***@host/db?x=a@b"],
    ["postgres://u:tiger@host:99999/db", "postgres://u:***@host:99999/db"],
    ["sqlite:////abs/path.db", "sqlite:////abs/path.db"],
    ["no scheme at all", "no scheme at all"],
  ];
  for (const [url, masked] of cases) it(url, () => assert.equal(maskUrl(url), masked));
});

describe("formatUrl", () => {
  const urls = [
    "postgres://u:p%40ss@127.0.0.1:5432/db?sslmode=disable",
    "mysql://root@127.0.0.1:3306/test",
    "postgres://[::1]:5432/db",
    "sqlite:////tmp/my%20app.db",
    "sqlite:///rel.db",
    "sqlite://:memory:",
    "pglite:////tmp/pg%20data",
    "pglite://:memory:",
  ];
  for (const url of urls) {
    it(`round-trips ${url}`, () =>
      assert.deepEqual(parseUrl(formatUrl(parseUrl(url), { mask: false })), parseUrl(url)));
  }
  it("masks the password unless asked not to", () => {
    assert.equal(formatUrl(parseUrl("postgres://u:tiger@h/db")), "postgres://u:***@h/db");
    assert.equal(formatUrl(parseUrl("postgres://u:tiger@h/db"), { mask: false }), "postgres://u:tiger@h/db");
  });
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { CommandError, DatabaseError } from "@autogen/core";
import { connect, formatUrl, parseUrl } from "../src/index";
import { testServerUrl, useDatabase } from "../src/testing";

/** Asserts a DatabaseError (exit 3) whose one-line message matches `pattern` and hides `secret`. */
function databaseError(pattern: RegExp, secret?: string) {
  return (err: unknown) => {
    assert.ok(err instanceof DatabaseError, `expected a DatabaseError, got ${String(err)}`);
    assert.equal(err.exitCode, 3);
    assert.match(err.message, pattern);
    assert.doesNotMatch(err.message, /\n/);
    if (secret) assert.ok(!err.message.includes(secret), `the message shows the password: ${err.message}`);
    assert.ok(err.cause !== undefined, "the driver error is kept as the cause");
    return true;
  };
}

describe("connection errors", () => {
  for (const [scheme, dialect] of [
    ["postgres", "postgres"],
    ["mysql", "mysql"],
  ] as const) {
    it(`${dialect}: a refused port is a DatabaseError naming the masked URL`, async () => {
      const url = `${scheme}://scott:hunter22@127.0.0.1:1/db`;
      await assert.rejects(
        connect(url),
        databaseError(
          new RegExp(`^Can't connect to ${scheme}://scott:\\*\\*\\*@127\\.0\\.0\\.1:1/db: .*ECONNREFUSED`),
          "hunter22",
        ),
      );
    });
  }

  it("postgres: an unknown database is a DatabaseError", async (t) => {
    if (!(await useDatabase(t, "postgres"))) return;
    const url = formatUrl({ ...parseUrl(testServerUrl("postgres")), database: "autogen_no_such_db" }, { mask: false });
    await assert.rejects(
      connect(url),
      databaseError(/^Can't connect to postgres:.*autogen_no_such_db.*does not exist/),
    );
  });

  it("mysql: an unknown database is a DatabaseError", async (t) => {
    if (!(await useDatabase(t, "mysql"))) return;
    const url = formatUrl({ ...parseUrl(testServerUrl("mysql")), database: "autogen_no_such_db" }, { mask: false });
    await assert.rejects(
      connect(url),
      databaseError(/^Can't connect to mysql:.*Unknown database 'autogen_no_such_db'/),
    );
  });

  it("mysql: a wrong password is a DatabaseError that does not show the password", async (t) => {
    const db = await useDatabase(t, "mysql");
    if (!db) return;
    // Not db.connect(): drop() closes those first, and this one must outlive it to drop the user.
    const admin = await connect(db.url);
    const user = `autogen_pw_${randomBytes(3).toString("hex")}`;
    // Characters that must be percent-encoded in a URL prove the password is decoded, too.
    const password = `S3cret@/:#${randomBytes(4).toString("hex")}`;
    await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
    t.after(async () => {
      await admin.query(`DROP USER '${user}'@'%'`);
      await admin.close();
    });
    const server = parseUrl(db.url);
    const urlWith = (pw: string) => formatUrl({ ...server, user, password: pw, database: undefined }, { mask: false });

    const ok = await connect(urlWith(password));
    assert.equal((await ok.query("SELECT CURRENT_USER() AS u")).rows.length, 1);
    await ok.close();

    const wrong = `${password}x`;
    await assert.rejects(
      connect(urlWith(wrong)),
      databaseError(/^Can't connect to mysql:\/\/autogen_pw_\w+:\*\*\*@.*Access denied/, password),
    );
  });

  it("postgres: a failing statement's message hides a password literal", async (t) => {
    const db = await useDatabase(t, "postgres");
    if (!db) return;
    const conn = await db.connect();
    // The role postgres exists (or the test user may not create roles): either way it fails.
    const sql = "CREATE ROLE postgres LOGIN PASSWORD 'Sw0rdfish-9'";
    await assert.rejects(conn.query(sql), (err: unknown) => {
      assert.ok(err instanceof DatabaseError);
      assert.match(err.message, /PASSWORD '\*\*\*'/);
      assert.ok(!err.message.includes("Sw0rdfish"));
      assert.equal(err.details.statement, sql);
      return true;
    });
  });

  it("a URL that does not parse is a CommandError from connect()", async () => {
    await assert.rejects(connect("postgres://scott:tiger@host:notaport/db"), (err: unknown) => {
      assert.ok(err instanceof CommandError);
      assert.equal(err.exitCode, 2);
      assert.equal(
        err.message.startsWith("Could not parse database URL 'postgres://scott:***@host:notaport/db'"),
        true,
      );
      return true;
    });
  });

  it("sqlite: a file in a missing directory is a DatabaseError", async () => {
    await assert.rejects(
      connect("sqlite:////nonexistent-dir-autogen/x.db"),
      databaseError(/^Can't connect to sqlite:\/\/\/\/nonexistent-dir-autogen\/x\.db: /),
    );
  });
});

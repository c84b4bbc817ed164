import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { connect, parseUrl } from "../src/index";
import { DatabaseUnavailable, dialectsUnderTest, freshDatabase, testServerUrl, useDatabase } from "../src/testing";

const LIST_DATABASES = {
  postgres: "SELECT datname AS name FROM pg_database WHERE datname LIKE 'autogen\\_t\\_%'",
  mysql: "SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE 'autogen\\_t\\_%'",
};

/** Runs `fn` with environment variables set, restoring them after. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

for (const dialect of ["postgres", "mysql"] as const) {
  describe(`${dialect}: test databases on the server`, () => {
    // First in this file on purpose: the sweep runs on the process's first freshDatabase per dialect.
    it("drops test databases a crashed run left behind over an hour ago", async (t) => {
      let admin;
      try {
        admin = await connect(testServerUrl(dialect));
      } catch (err) {
        return t.skip(`${dialect} unreachable: ${(err as Error).message}`);
      }
      const q = dialect === "postgres" ? '"' : "`";
      const stale = `autogen_t_${(Date.now() - 2 * 3600_000).toString(36)}_deadbeef`;
      const recent = `autogen_t_${(Date.now() - 60_000).toString(36)}_cafebabe`;
      await admin.query(`CREATE DATABASE ${q}${stale}${q}`);
      await admin.query(`CREATE DATABASE ${q}${recent}${q}`);
      t.after(async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${q}${recent}${q}`);
        await admin.close();
      });

      const db = await freshDatabase(dialect);
      t.after(() => db.drop());
      const names = (await admin.query<{ name: string }>(LIST_DATABASES[dialect])).rows.map((r) => r.name);
      assert.ok(!names.includes(stale), `${stale} was not dropped`);
      assert.ok(names.includes(recent), `${recent} is less than an hour old and belongs to a running test`);
      assert.ok(names.includes(parseUrl(db.url).database!));
    });

    it("gives each test its own database, dropped by drop()", async (t) => {
      const a = await useDatabase(t, dialect);
      const b = await useDatabase(t, dialect);
      if (!a || !b) return;
      assert.notEqual(a.url, b.url);
      assert.equal(a.dialect, dialect);
      const ca = await a.connect();
      const cb = await b.connect();
      await ca.query("CREATE TABLE only_in_a (id integer)");
      const tablesOf = async (c: typeof cb) =>
        (
          await c.query<{ name: string }>(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_name = 'only_in_a'",
          )
        ).rows;
      // information_schema.tables lists the current database only on PostgreSQL; on MariaDB the
      // schema column says where the table is.
      const schemaOf = async (c: typeof cb) =>
        (
          await c.query<{ s: string }>(
            "SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'only_in_a'",
          )
        ).rows.map((r) => r.s);
      if (dialect === "postgres") {
        assert.equal((await tablesOf(ca)).length, 1);
        assert.equal((await tablesOf(cb)).length, 0);
      } else {
        assert.deepEqual(await schemaOf(cb), [parseUrl(a.url).database]);
      }
      await assert.rejects(cb.query("SELECT * FROM only_in_a"));

      // drop() closes the sessions connect() opened, then drops; a second drop() is harmless.
      await a.drop();
      await a.drop();
      const names = (await cb.query<{ name: string }>(LIST_DATABASES[dialect])).rows.map((r) => r.name);
      assert.ok(!names.includes(parseUrl(a.url).database!));
      assert.ok(names.includes(parseUrl(b.url).database!));
    });

    it("drops a database while another session holds an open transaction on it", { timeout: 30_000 }, async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      const setup = await db.connect();
      await setup.query("CREATE TABLE held (id integer)");
      // Opened outside db.connect(), as a crashed test's session would be: drop() does not know it.
      const stray = await connect(db.url);
      await stray.query("BEGIN");
      await stray.query("INSERT INTO held (id) VALUES (?)", [1]);
      await db.drop();
      const check = await connect(testServerUrl(dialect));
      const names = (await check.query<{ name: string }>(LIST_DATABASES[dialect])).rows.map((r) => r.name);
      await check.close();
      assert.ok(!names.includes(parseUrl(db.url).database!));
      await stray.close();
    });

    it("reports an unreachable server as DatabaseUnavailable, or fails when it is required", async () => {
      const env = dialect === "postgres" ? "AUTOGEN_TEST_PG_URL" : "AUTOGEN_TEST_MYSQL_URL";
      const down = `${dialect}://nobody:hunter22@127.0.0.1:1/test`;
      await withEnv({ [env]: down, AUTOGEN_TEST_REQUIRE: "" }, async () => {
        await assert.rejects(freshDatabase(dialect), (err: unknown) => {
          assert.ok(err instanceof DatabaseUnavailable);
          assert.equal(err.dialect, dialect);
          assert.match(err.message, new RegExp(`^${dialect} unreachable: Can't connect to .*ECONNREFUSED`));
          assert.ok(!err.message.includes("hunter22"));
          return true;
        });
      });
      const required = dialect === "postgres" ? "postgresql,mysql" : "postgres, mariadb";
      await withEnv({ [env]: down, AUTOGEN_TEST_REQUIRE: required }, async () => {
        await assert.rejects(freshDatabase(dialect), (err: unknown) => {
          assert.ok(err instanceof Error && !(err instanceof DatabaseUnavailable));
          assert.match(err.message, /unreachable: .*AUTOGEN_TEST_REQUIRE lists/);
          return true;
        });
      });
    });
  });
}

describe("sqlite: test databases", () => {
  it("gives each test its own file, deleted by drop()", async () => {
    const a = await freshDatabase("sqlite");
    const b = await freshDatabase("sqlite");
    const fa = parseUrl(a.url).filename!;
    assert.notEqual(fa, parseUrl(b.url).filename);
    const ca = await a.connect();
    await ca.query("CREATE TABLE t (id integer)");
    const cb = await b.connect();
    await assert.rejects(cb.query("SELECT * FROM t"));
    assert.ok(existsSync(fa));
    await a.drop();
    await b.drop();
    assert.ok(!existsSync(fa));
  });
});

describe("dialectsUnderTest", () => {
  it("lists all three dialects unless AUTOGEN_TEST_DIALECTS narrows them", async () => {
    await withEnv({ AUTOGEN_TEST_DIALECTS: "" }, async () =>
      assert.deepEqual(dialectsUnderTest(), ["postgres", "mysql", "sqlite"]),
    );
    await withEnv({ AUTOGEN_TEST_DIALECTS: "sqlite,mariadb" }, async () =>
      assert.deepEqual(dialectsUnderTest(), ["mysql", "sqlite"]),
    );
  });
});

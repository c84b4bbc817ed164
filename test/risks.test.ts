/**
 * Risk codes on real databases (README "Risk codes"): a table with a row, then a model that
 * drops a column, adds a NOT NULL column without a default (a rename candidate of the dropped
 * one) and indexes an existing column. `check` returns the risks the dialect decides, each
 * rendered revision carries them as comments above their ops, and on MariaDB the NOT NULL
 * column is flagged before the upgrade silently fills the row with ''. On MariaDB, a wider
 * BINARY is flagged as a silent-data-change, and the upgrade does pad the stored value; a
 * datetime made a date is flagged as data-loss where the server cuts the time of day.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import fs from "node:fs";
import { test, type TestContext } from "node:test";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { Risk } from "@autogen/core";
import { command } from "autogen";
import type { DialectName } from "@autogen/dialects";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { insertRows, scenarioConfigs, selectRows } from "./helpers/change-scenario";

@Entity("users")
class UsersV1 {
  @PrimaryColumn({ type: "integer" }) id!: number;
  @Column({ type: "varchar", length: 100 }) name!: string;
  @Column({ type: "varchar", length: 50, nullable: true }) pw!: string | null;
}
@Entity("users")
@Index("ix_users_name", ["name"])
class UsersV2 {
  @PrimaryColumn({ type: "integer" }) id!: number;
  @Column({ type: "varchar", length: 100 }) name!: string;
  @Column({ type: "varchar", length: 30 }) nickname!: string;
}

const DROP =
  "drops column users.pw and its values (unresolved rename candidate: users.nickname is added in this revision; " +
  "if it is a rename, regenerate with --rename users.pw=nickname to keep the data)";

/** The risks each dialect decides for the same change. */
const EXPECTED: Record<DialectName, Risk[]> = {
  postgres: [
    {
      code: "may-fail-on-existing-rows",
      message: "adds NOT NULL column users.nickname without a default: it fails if users has rows",
    },
    {
      code: "long-lock",
      message:
        "creates index ix_users_name on existing table users: writes to users wait until the index is built " +
        "(concurrently: true builds it without blocking writes, outside the transaction)",
    },
    { code: "data-loss", message: DROP },
  ],
  mysql: [
    {
      code: "silent-data-change",
      message:
        "adds NOT NULL column users.nickname without a default: if users has rows, MariaDB/MySQL silently fills them " +
        "with the type's implicit default ('', 0 or a zero date)",
    },
    { code: "data-loss", message: DROP },
  ],
  sqlite: [
    {
      code: "may-fail-on-existing-rows",
      message: "adds NOT NULL column users.nickname without a default: it fails if users has rows",
    },
    { code: "data-loss", message: DROP },
    {
      code: "table-rewrite",
      message: "recreates table users (move and copy): every row is copied while the table is locked",
    },
  ],
};

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: check returns the dialect's risks, and the revision carries each above its op`, async (t) => {
    const at = await atV1(t, dialect, [UsersV1], [UsersV2]);
    if (!at) return;
    const { v2, conn } = at;
    await insertRows(conn, { users: [{ id: 1, name: "ann", pw: "secret" }] });

    const info: string[] = [];
    const warn: string[] = [];
    const result = await command.check(v2, { info: (l) => info.push(l), warn: (l) => warn.push(l) });
    assert.equal(result.upToDate, false);
    const sortByOp = (rs: readonly Risk[]) => rs.map((r) => ({ code: r.code, message: r.message }));
    assert.deepEqual(sortByOp(result.risks).sort(byText), [...EXPECTED[dialect]].sort(byText));
    // The same risks sit on the ops themselves (ops[i].risks).
    const onOps = result.ops.upgradeOps.ops.flatMap(function risksIn(op): Risk[] {
      const o = op as { risks?: Risk[]; ops?: typeof result.ops.upgradeOps.ops };
      return [...(o.risks ?? []), ...(o.ops ?? []).flatMap(risksIn)];
    });
    assert.deepEqual(onOps, result.risks);
    // One line per risk for stderr, and Alembic's Detected lines.
    assert.deepEqual(
      warn,
      result.risks.map((r) => `risk ${r.code}: ${r.message}`),
    );
    assert.ok(info.includes("Detected added column 'users.nickname'"), info.join("\n"));
    assert.ok(info.includes("Detected removed column 'users.pw'"), info.join("\n"));
    assert.ok(info.includes("Detected added index 'ix_users_name' on 'users'"), info.join("\n"));

    // The revision file: each risk as a comment right above its op (or above another risk of it).
    const file = await command.revision(v2, { message: "v2", autogenerate: true });
    const lines = fs
      .readFileSync(file!, "utf8")
      .split("\n")
      .map((l) => l.trim());
    for (const r of result.risks) {
      const at = lines.indexOf(`// risk ${r.code}: ${r.message}`);
      assert.notEqual(at, -1, `no comment for ${r.code}: ${r.message}`);
      const next = lines.slice(at + 1).find((l) => !l.startsWith("// risk "))!;
      assert.match(next, /^await (op|batch)\./, `the comment of ${r.code} is followed by ${next}`);
    }
    assert.equal(lines.filter((l) => l.startsWith("// risk ")).length, result.risks.length);
    const nickname = lines.indexOf(`// risk ${EXPECTED[dialect][0]!.code}: ${EXPECTED[dialect][0]!.message}`);
    assert.match(
      lines.slice(nickname + 1).find((l) => !l.startsWith("//"))!,
      /addColumn\((?:"users", )?\{ name: "nickname"/,
    );

    if (dialect === "mysql") {
      // Flagged before it runs, and rightly: the upgrade succeeds and the row silently gets ''.
      await command.upgrade(v2, "head");
      assert.deepEqual(await selectRows(conn, "users", ["id", "nickname"]), [{ id: 1, nickname: "" }]);
    }
  });
}

/** `tokens` with `tag` a BINARY of `length` bytes. */
function tokensEntity(length: number): Function {
  @Entity("tokens")
  class Tokens {
    @PrimaryColumn({ type: "integer" }) id!: number;
    @Column({ type: "binary", length }) tag!: Buffer;
  }
  return Tokens;
}

test("mysql: a wider BINARY is a silent-data-change that cannot be downgraded: the upgrade pads the stored value with zero bytes", async (t) => {
  const at = await atV1(t, "mysql", [tokensEntity(4)], [tokensEntity(8)]);
  if (!at) return;
  const { v2, conn } = at;
  await conn.query("INSERT INTO tokens (id, tag) VALUES (1, X'6162')");
  const hex = async () => (await conn.query<{ h: string }>("SELECT HEX(tag) AS h FROM tokens")).rows[0]!.h;
  assert.equal(await hex(), "61620000");

  const result = await command.check(v2);
  assert.deepEqual(
    result.risks.map((r) => r.code),
    ["silent-data-change", "irreversible-downgrade", "table-rewrite"],
  );
  assert.equal(
    result.risks[0]!.message,
    "changes tokens.tag from binary(4) to binary(8): values shorter than 8 bytes are padded with zero bytes to 8 bytes, and read back so",
  );
  await command.revision(v2, { message: "v2", autogenerate: true });
  await command.upgrade(v2, "head");
  // What the risk says: the value nobody changed now reads back longer.
  assert.equal(await hex(), "6162000000000000");
  // And the downgrade cannot put binary(4) back: the padded value no longer fits.
  await assert.rejects(command.downgrade(v2, "-1"), /Data truncated for column 'tag'/);
});

/** `events` with `at` of `type`: PostgreSQL's timestamp, MariaDB's and SQLite's datetime. */
function eventsEntity(type: string): Function {
  @Entity("events")
  class Events {
    @PrimaryColumn({ type: "integer" }) id!: number;
    @Column({ type: type as "date" }) at!: Date;
  }
  return Events;
}

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: a datetime made a date is data-loss where the server cuts the time of day`, async (t) => {
    const type = dialect === "postgres" ? "timestamp" : "datetime";
    const at = await atV1(t, dialect, [eventsEntity(type)], [eventsEntity("date")]);
    if (!at) return;
    const { v2, conn } = at;
    await conn.query("INSERT INTO events (id, at) VALUES (1, '2021-01-02 10:20:30')");

    const result = await command.check(v2);
    const loss = result.risks.filter((r) => r.code === "data-loss");
    await command.revision(v2, { message: "v2", autogenerate: true });
    await command.upgrade(v2, "head");
    // PostgreSQL pads the CHAR it casts to.
    const text = String(
      (await conn.query<{ at: unknown }>("SELECT CAST(at AS CHAR(30)) AS at FROM events")).rows[0]!.at,
    ).trimEnd();
    if (dialect === "sqlite") {
      // SQLite keeps the text as stored whatever the declared type: nothing is cut, nothing said.
      assert.deepEqual(loss, []);
      assert.equal(text, "2021-01-02 10:20:30");
    } else {
      assert.deepEqual(
        loss.map((r) => r.message),
        [`changes events.at from ${type} to date: the time of day of every value is cut`],
      );
      // What the risk says: the time of day is gone.
      assert.equal(text, "2021-01-02");
    }
  });
}

/**
 * A fresh database of `dialect` at `before` (autogenerated and upgraded), the config of `after`
 * and a connection; undefined when the dialect's server is not reachable.
 */
async function atV1(t: TestContext, dialect: DialectName, before: Function[], after: Function[]) {
  const db = await useDatabase(t, dialect);
  if (!db) return undefined;
  const { v1, v2 } = scenarioConfigs(t, db, before, after);
  await command.revision(v1, { message: "v1", autogenerate: true });
  await command.upgrade(v1, "head");
  const conn = await db.connect();
  t.after(() => conn.close());
  return { v2, conn };
}

const byText = (a: Risk, b: Risk): number => `${a.code} ${a.message}`.localeCompare(`${b.code} ${b.message}`);

/**
 * Widening a PostgreSQL serial primary key from integer to bigint, the migration meant to prevent
 * id overflow: the sequence the column owns must become `AS bigint` with it (ALTER COLUMN TYPE
 * leaves it `AS integer`, max 2,147,483,647), on upgrade, back on downgrade, and `check` must see
 * a column widened without its sequence. Read from information_schema.sequences (identity
 * sequences are not listed there: pg_sequence shows that they follow their column).
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import fs from "node:fs";
import { type TestContext, test } from "node:test";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { entities, pk } from "./helpers/entity-builder";
import { command } from "autogen";
import { type Connection } from "@autogen/dialects";
import { useDatabase } from "@autogen/dialects/testing";
import { scenarioConfigs } from "./helpers/change-scenario";

const { TicketV1, TicketV2, BadgeV1, BadgeV2 } = entities({
  TicketV1: [Entity("ticket"), { id: pk(), title: [String, Column({ length: 40 })] }],
  TicketV2: [
    Entity("ticket"),
    { id: [String, PrimaryGeneratedColumn({ type: "bigint" })], title: [String, Column({ length: 40 })] },
  ],
  BadgeV1: [Entity("badge"), { id: [Number, PrimaryGeneratedColumn("identity")] }],
  BadgeV2: [Entity("badge"), { id: [String, PrimaryGeneratedColumn("identity", { type: "bigint" })] }],
});

const INT_MAX = "2147483647";
const BIGINT_MAX = "9223372036854775807";

/** `data_type max` of the ticket table's serial sequence, as information_schema.sequences has it. */
async function ticketSequence(conn: Connection): Promise<string> {
  const { rows } = await conn.query<{ data_type: string; maximum_value: string }>(
    `SELECT s.data_type, s.maximum_value FROM information_schema.sequences AS s
      WHERE s.sequence_schema = current_schema() AND s.sequence_name = 'ticket_id_seq'`,
  );
  assert.equal(rows.length, 1, "the serial's sequence is listed");
  return `${rows[0]!.data_type} ${rows[0]!.maximum_value}`;
}

async function columnType(conn: Connection, table: string): Promise<string> {
  const { rows } = await conn.query<{ data_type: string }>(
    `SELECT data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = '${table}' AND column_name = 'id'`,
  );
  return rows[0]!.data_type;
}

async function setup(t: TestContext, before: Function[], after: Function[]) {
  const db = await useDatabase(t, "postgres");
  if (!db) return undefined;
  const { v1, v2 } = scenarioConfigs(t, db, before, after);
  assert.ok(await command.revision(v1, { message: "v1", autogenerate: true }));
  await command.upgrade(v1, "head");
  const conn = await db.connect();
  t.after(() => conn.close());
  return { v1, v2, conn };
}

test("postgres: int -> bigint on a serial primary key widens its sequence, and the downgrade narrows it back", async (t) => {
  const s = await setup(t, [TicketV1], [TicketV2]);
  if (!s) return;
  const { v1, v2, conn } = s;
  assert.equal(await ticketSequence(conn), `integer ${INT_MAX}`);

  const file = await command.revision(v2, { message: "widen ids", autogenerate: true });
  assert.ok(file);
  const sql = await command.upgrade(v2, "head", { sql: true });
  assert.match(sql, /ALTER TABLE "ticket" ALTER COLUMN "id" TYPE bigint;/);
  assert.match(sql, /ALTER SEQUENCE %s AS bigint', pg_get_serial_sequence\('"ticket"', 'id'\)\)/);
  await command.upgrade(v2, "head");
  assert.equal(await columnType(conn, "ticket"), "bigint");
  assert.equal(await ticketSequence(conn), `bigint ${BIGINT_MAX}`);
  assert.equal((await command.check(v2)).upToDate, true);
  // Ids past the integer range now come from the sequence.
  await conn.query(`SELECT setval('ticket_id_seq', ${INT_MAX})`);
  const { rows } = await conn.query<{ id: string }>(`INSERT INTO ticket (title) VALUES ('big') RETURNING id`);
  assert.equal(String(rows[0]!.id), "2147483648");
  await conn.query("DELETE FROM ticket");
  await conn.query(`SELECT setval('ticket_id_seq', 1)`);

  await command.downgrade(v2, "-1");
  assert.equal(await columnType(conn, "ticket"), "integer");
  assert.equal(await ticketSequence(conn), `integer ${INT_MAX}`);
  fs.rmSync(file); // v1's file alone is the script again: check compares v1 with the database
  assert.equal((await command.check(v1)).upToDate, true);
});

test("postgres: a serial column widened without its sequence is not clean: check reports it, the fix widens the sequence", async (t) => {
  const s = await setup(t, [TicketV1], [TicketV2]);
  if (!s) return;
  const { v2, conn } = s;
  // What `ALTER COLUMN ... TYPE bigint` alone leaves (and what autogen's earlier migrations did).
  await conn.query(`ALTER TABLE ticket ALTER COLUMN id TYPE bigint`);
  assert.equal(await ticketSequence(conn), `integer ${INT_MAX}`);
  const pending = await command.check(v2);
  assert.equal(pending.upToDate, false, "a bigint id that stops at 2^31-1 is a difference");
  const file = await command.revision(v2, { message: "widen the sequence", autogenerate: true });
  assert.ok(file);
  await command.upgrade(v2, "head");
  assert.equal(await ticketSequence(conn), `bigint ${BIGINT_MAX}`);
  assert.equal((await command.check(v2)).upToDate, true);
});

test("postgres: int -> bigint on an identity primary key: the identity sequence follows the column both ways", async (t) => {
  const s = await setup(t, [BadgeV1], [BadgeV2]);
  if (!s) return;
  const { v1, v2, conn } = s;
  const sequenceType = async () =>
    (
      await conn.query<{ t: string }>(
        `SELECT format_type(seqtypid, NULL) AS t FROM pg_sequence
          WHERE seqrelid = pg_get_serial_sequence('badge', 'id')::regclass`,
      )
    ).rows[0]!.t;
  assert.equal(await sequenceType(), "integer");
  const file = await command.revision(v2, { message: "widen ids", autogenerate: true });
  assert.ok(file);
  await command.upgrade(v2, "head");
  assert.equal(await columnType(conn, "badge"), "bigint");
  assert.equal(await sequenceType(), "bigint");
  assert.equal((await command.check(v2)).upToDate, true);
  await command.downgrade(v2, "-1");
  assert.equal(await sequenceType(), "integer");
  fs.rmSync(file);
  assert.equal((await command.check(v1)).upToDate, true);
});

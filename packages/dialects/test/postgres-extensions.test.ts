/** Which extensions a PostgreSQL column needs, by its type and by the functions its default calls. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Column } from "@autogen/core";
import { postgresRequiredExtensions } from "../src/postgres";

const needs = (type: string, dflt: string | null = null) =>
  postgresRequiredExtensions(Column.create("c", type, { default: dflt }));

test("postgres extensions: by type, arrays and quoted names included", () => {
  assert.deepEqual(needs("citext"), ["citext"]);
  assert.deepEqual(needs("citext[]"), ["citext"]);
  assert.deepEqual(needs("hstore[][]"), ["hstore"]);
  assert.deepEqual(needs('"ltree"'), ["ltree"]);
  assert.deepEqual(needs("character varying(100)"), []);
  assert.deepEqual(needs("integer", "0"), []);
});

test("postgres extensions: by the functions a default calls, any case, each once, sorted", () => {
  assert.deepEqual(needs("uuid", "uuid_generate_v4()"), ["uuid-ossp"]);
  assert.deepEqual(needs("text", "encode(DIGEST ('x', 'sha1'), 'hex')"), ["pgcrypto"]);
  assert.deepEqual(needs("citext", "uuid_generate_v1()::text || crypt('a', gen_salt('bf'))"), [
    "citext",
    "pgcrypto",
    "uuid-ossp",
  ]);
  assert.deepEqual(needs("timestamp with time zone", "now()"), []);
});

test("postgres extensions: names of Object.prototype's members are no extension", () => {
  assert.deepEqual(needs("constructor"), []);
  assert.deepEqual(needs("toString[]"), []);
  assert.deepEqual(needs("text", "constructor(1) || hasOwnProperty('x')"), []);
});

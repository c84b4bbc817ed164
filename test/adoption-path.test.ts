/*
 * The README's "Adopting autogen on an existing database", end to end through the bin on each
 * database: a project whose schema TypeORM's synchronize built (and whose TypeORM migrations
 * table has a row) writes a baseline with `revision --autogenerate --baseline`, stamps it with
 * `stamp head`, and `check` is empty at once; TypeORM's migrations table is left as it was. The
 * same baseline, run by `upgrade head` on an empty database, builds a schema that checks empty
 * too.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { parseUrl, type DialectName } from "@autogen/dialects";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { loadModule, registerTsLoader } from "@autogen/runtime";
import { assertFailure, describe } from "./helpers/cli-process";
import { createProject, exists, generatedRevision, versionRows, useEntitiesModule } from "./helpers/project";
import { TYPEORM_TYPE } from "./helpers/typeorm-lines";

const ENTITIES = `import { Column, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn } from "typeorm";

@Entity("author")
export class Author {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 80 }) name!: string;
  @Column({ default: true }) active!: boolean;
  @OneToMany(() => Post, (p) => p.author) posts!: Post[];
}

@Entity("post")
@Index(["title"])
export class Post {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 200 }) title!: string;
  @Column({ type: "int", default: 0 }) views!: number;
  @ManyToOne(() => Author, (a) => a.posts, { onDelete: "CASCADE" }) author!: Author;
}

export const entities = [Author, Post];
`;

/** A TypeORM migration the project ran before adopting autogen: its row stays in `migrations`. */
class CreateNothing1700000000000 {
  name = "CreateNothing1700000000000";
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

registerTsLoader();
const { DataSource } = require("typeorm") as {
  DataSource: new (o: Record<string, unknown>) => {
    initialize(): Promise<unknown>;
    runMigrations(): Promise<unknown>;
    destroy(): Promise<void>;
  };
};

/** TypeORM's connection options for a test database URL (a SQLite URL names its file). */
function typeormTarget(dialect: DialectName, url: string): Record<string, unknown> {
  return dialect === "sqlite"
    ? { type: TYPEORM_TYPE.sqlite, database: parseUrl(url).filename }
    : { type: TYPEORM_TYPE[dialect], url };
}

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: baseline, stamp head, check empty on a database TypeORM built; the baseline builds an empty one`, async (t) => {
    const db = await useDatabase(t, dialect);
    const fresh = await useDatabase(t, dialect);
    if (!db || !fresh) return;
    const p = await createProject(t, db, { hooks: false, inRepo: true });
    fs.writeFileSync(path.join(p.dir, "entities.ts"), ENTITIES);
    useEntitiesModule(p, "entities", "entities,");

    // The project before autogen: synchronize built the schema, TypeORM migrations ran.
    const { entities } = (await loadModule(path.join(p.dir, "entities.ts"))) as unknown as { entities: unknown[] };
    const ds = new DataSource({
      ...typeormTarget(dialect, db.url),
      entities,
      migrations: [CreateNothing1700000000000],
      synchronize: true,
    });
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();

    const baseline = generatedRevision(await p.ok(["revision", "--autogenerate", "--baseline", "-m", "baseline"]));
    const text = fs.readFileSync(baseline.path, "utf8");
    assert.match(text, /op\.createTable\(\s*"author"/);
    assert.match(text, /op\.createTable\(\s*"post"/);
    assert.doesNotMatch(text, /migrations/, "TypeORM's migrations table is not part of the baseline");

    // The database already has the schema: check would refuse it before the stamp.
    const behind = await p.cli(["check"]);
    assert.equal(behind.status, 2, describe(behind));
    await p.ok(["stamp", "head"]);
    const clean = await p.cli(["check"]);
    assert.equal(clean.status, 0, describe(clean));
    assert.match(clean.stdout, /^No new upgrade operations detected\.$/m);

    const conn = await p.connection();
    assert.deepEqual(await versionRows(conn), [baseline.id]);
    const { rows } = await conn.query<{ name: string }>("SELECT name FROM migrations");
    assert.deepEqual(
      rows.map((r) => r.name),
      ["CreateNothing1700000000000"],
    );

    // A new environment: the baseline builds the schema from nothing, and it checks empty.
    const env = { DATABASE_URL: fresh.url };
    const upgraded = await p.cli(["upgrade", "head"], { env });
    assert.equal(upgraded.status, 0, describe(upgraded));
    const freshCheck = await p.cli(["check"], { env });
    assert.equal(freshCheck.status, 0, describe(freshCheck));
    const freshConn = await fresh.connect();
    try {
      assert.ok(await exists(freshConn, "post", "title"));
    } finally {
      await freshConn.close();
    }

    // Once there is a revision, a baseline would follow it: refused, nothing written.
    const before = fs.readdirSync(p.versionsDir).length;
    assertFailure(
      await p.cli(["revision", "--autogenerate", "--baseline", "-m", "again"]),
      2,
      /--baseline writes a first revision, but it would follow [0-9a-z]+; give --head base/,
    );
    assertFailure(await p.cli(["revision", "--baseline", "-m", "x"]), 2, /--baseline needs --autogenerate/);
    assert.equal(fs.readdirSync(p.versionsDir).length, before);
  });
}

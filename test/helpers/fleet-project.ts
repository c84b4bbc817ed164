/*
 * A fleet on the real servers, for test/fleet.test.ts (a small fixed sample) and for
 * scripts/fleet-demo.js and bench/fleet.bench.js (the issue's sizes): tenants as PostgreSQL
 * schemas of one database (listed in its `tenants` catalog table, made the default schema by
 * onConnect), PostgreSQL databases, MariaDB databases and SQLite files, all sharing one history
 * of three revisions. Each revision inserts its name into the target's `audit` table, so
 * counting those rows tells how often each revision ran on each target.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { connect, type Connection, type DialectName } from "@autogen/dialects";
import { freshDatabase, tempDir, type FreshDatabase } from "@autogen/dialects/testing";

/** How many targets of each kind. */
export interface FleetSizes {
  pgSchemas: number;
  pgDatabases: number;
  mysqlDatabases: number;
  sqliteFiles: number;
}

/** One target as the test knows it: how to reach it to count its audit rows. */
export interface KnownTarget {
  readonly name: string;
  readonly dialect: DialectName;
  /** The database URL (for a schema tenant, the catalog database's). */
  readonly url: string;
  /** The tenant schema made default with search_path, for schema tenants. */
  readonly schema?: string;
}

/** The revision ids of the shared history, oldest first, and the audit value each inserts. */
export const FLEET_REVISIONS = [
  { id: "f1ee70000001", audit: "r1" },
  { id: "f1ee70000002", audit: "r2" },
  { id: "f1ee70000003", audit: "r3" },
] as const;
export const FLEET_HEAD = FLEET_REVISIONS[2].id;

/** A target no server answers at (nothing listens on port 1). */
export const UNREACHABLE_URL = "postgres://postgres@127.0.0.1:1/fleet_unreachable";

export interface FleetProject {
  /** The project folder (autogen.config.ts, migrations/, targets.json, SQLite files). */
  readonly dir: string;
  /** Every reachable target, schema tenants first (the config's order). */
  readonly targets: readonly KnownTarget[];
  /** The schema tenant whose second revision fails halfway (a leftover `legacy_import` table). */
  readonly broken: KnownTarget;
  /** The name of the unreachable target. */
  readonly unreachable: string;
  /** Opens a session on a target (schema tenants: with their search_path). */
  connect(target: KnownTarget): Promise<Connection>;
  /** The audit rows of a target, sorted; null when it has no audit table. */
  audit(target: KnownTarget): Promise<string[] | null>;
  /** Drops the broken tenant's leftover table and points the unreachable target at a real database. */
  fix(): Promise<void>;
  /** Drops every database and the folder. */
  drop(): Promise<void>;
}

/** The history: three revisions, each inserting its audit row; the second also creates `legacy_import`. */
function revisionFiles(): Record<string, string> {
  const header = (id: string, down: string | null) =>
    `import type { Operations } from "autogen";
export const revision = "${id}";
export const downRevision: string | string[] | null = ${down === null ? "null" : `"${down}"`};
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;
`;
  const audit = (value: string) => `await op.execute("INSERT INTO audit (revision) VALUES ('${value}')");`;
  const unaudit = (value: string) => `await op.execute("DELETE FROM audit WHERE revision = '${value}'");`;
  const [r1, r2, r3] = FLEET_REVISIONS;
  return {
    [`${r1.id}_create_audit.ts`]: `${header(r1.id, null)}
export async function upgrade(op: Operations): Promise<void> {
  await op.createTable("audit", [{ name: "revision", type: "varchar(40)", nullable: false }]);
  await op.createTable("item", [
    { name: "id", type: "integer", primaryKey: true },
    { name: "name", type: "varchar(50)" },
  ]);
  ${audit(r1.audit)}
}
export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable("item");
  await op.dropTable("audit");
}
`,
    // Fails halfway where a `legacy_import` table is left over: after its audit row.
    [`${r2.id}_legacy_import.ts`]: `${header(r2.id, r1.id)}
export async function upgrade(op: Operations): Promise<void> {
  ${audit(r2.audit)}
  await op.createTable("legacy_import", [{ name: "id", type: "integer" }]);
}
export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable("legacy_import");
  ${unaudit(r2.audit)}
}
`,
    [`${r3.id}_item_price.ts`]: `${header(r3.id, r2.id)}
export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn("item", { name: "price", type: "integer" });
  ${audit(r3.audit)}
}
export async function downgrade(op: Operations): Promise<void> {
  ${unaudit(r3.audit)}
  await op.dropColumn("item", "price");
}
`,
  };
}

/** The config: schema tenants from the catalog table, the other targets from targets.json. */
function configText(catalogUrl: string): string {
  return `import * as fs from "node:fs";
import * as path from "node:path";
import { defineConfig } from "autogen";

export default defineConfig({
  scriptLocation: "migrations",
  url: ${JSON.stringify(catalogUrl)},
  postWriteHooks: [],
  onConnect: async (connection, context) => {
    const tenant = context.getXArgument("tenant");
    if (tenant) await connection.query(\`SET search_path TO "\${tenant}"\`);
  },
  targets: async (context) => {
    const { rows } = await context.withConnection((c) =>
      c.query<{ name: string }>("SELECT name FROM public.tenants ORDER BY name"),
    );
    const others = JSON.parse(fs.readFileSync(path.join(__dirname, "targets.json"), "utf8"));
    return [...rows.map((r) => ({ name: \`pg-schema/\${r.name}\`, x: { tenant: r.name } })), ...others];
  },
});
`;
}

const pad = (n: number) => String(n).padStart(3, "0");

/**
 * Creates the fleet's databases (all at base: empty) and the project. With `faults` (default),
 * the second schema tenant is the broken one and the list in targets.json ends with the
 * unreachable target; without, every target can reach head (the benchmark).
 */
export async function createFleetProject(
  sizes: FleetSizes,
  o: { parent?: string; faults?: boolean } = {},
): Promise<FleetProject> {
  const faults = o.faults ?? true;
  const dir = tempDir("fleet", o.parent);
  const databases: FreshDatabase[] = [];
  const fresh = async (d: DialectName) => {
    const db = await freshDatabase(d);
    databases.push(db);
    return db;
  };
  const drop = async () => {
    for (const db of databases) await db.drop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const catalog = await fresh("postgres");
    const targets: KnownTarget[] = [];
    const setup = await catalog.connect();
    try {
      const tenants = Array.from({ length: sizes.pgSchemas }, (_, i) => `tenant_${pad(i + 1)}`);
      await setup.query("CREATE TABLE public.tenants (name varchar(63) PRIMARY KEY)");
      for (const t of tenants) {
        await setup.query(`CREATE SCHEMA "${t}"`);
        await setup.query("INSERT INTO public.tenants (name) VALUES (?)", [t]);
        targets.push({ name: `pg-schema/${t}`, dialect: "postgres", url: catalog.url, schema: t });
      }
    } finally {
      await setup.close();
    }
    const listed: { name: string; url: string }[] = [];
    const add = (name: string, dialect: DialectName, url: string, listedUrl = url) => {
      targets.push({ name, dialect, url });
      listed.push({ name, url: listedUrl });
    };
    for (let i = 1; i <= sizes.pgDatabases; i++) add(`pg-db/${pad(i)}`, "postgres", (await fresh("postgres")).url);
    for (let i = 1; i <= sizes.mysqlDatabases; i++) add(`mariadb/${pad(i)}`, "mysql", (await fresh("mysql")).url);
    fs.mkdirSync(path.join(dir, "files"));
    for (let i = 1; i <= sizes.sqliteFiles; i++) {
      const file = path.join(dir, "files", `device_${pad(i)}.db`);
      // Relative in targets.json (resolved against the config's folder), absolute for the test.
      add(`sqlite/${pad(i)}`, "sqlite", `sqlite:///${file}`, `sqlite:///files/device_${pad(i)}.db`);
    }
    const unreachable = "pg-db/unreachable";
    const writeTargets = (unreachableUrl: string) =>
      fs.writeFileSync(
        path.join(dir, "targets.json"),
        JSON.stringify([...listed, ...(faults ? [{ name: unreachable, url: unreachableUrl }] : [])], null, 2),
      );
    writeTargets(UNREACHABLE_URL);

    fs.mkdirSync(path.join(dir, "migrations", "versions"), { recursive: true });
    for (const [file, text] of Object.entries(revisionFiles()))
      fs.writeFileSync(path.join(dir, "migrations", "versions", file), text);
    fs.writeFileSync(path.join(dir, "autogen.config.ts"), configText(catalog.url));

    const connectTo = async (t: KnownTarget) => {
      const c = await connect(t.url);
      if (t.schema) await c.query(`SET search_path TO "${t.schema}"`);
      return c;
    };
    const broken = targets[1]!;
    if (faults) {
      const leftover = await connectTo(broken);
      await leftover.query("CREATE TABLE legacy_import (id integer)");
      await leftover.close();
    }

    return {
      dir,
      targets,
      broken,
      unreachable,
      connect: connectTo,
      async audit(t) {
        const c = await connectTo(t);
        try {
          const { rows } = await c.query<{ revision: string }>("SELECT revision FROM audit");
          return rows.map((r) => r.revision).sort();
        } catch {
          return null;
        } finally {
          await c.close();
        }
      },
      async fix() {
        const c = await connectTo(broken);
        await c.query("DROP TABLE legacy_import");
        await c.close();
        const replacement = await fresh("postgres");
        targets.push({ name: unreachable, dialect: "postgres", url: replacement.url });
        writeTargets(replacement.url);
      },
      drop,
    };
  } catch (err) {
    await drop();
    throw err;
  }
}

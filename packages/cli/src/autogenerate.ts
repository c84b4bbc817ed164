import {
  CommandError,
  MigrationScript,
  UpgradeOps,
  QualifiedName,
  Schema,
  View,
  reverseUpgradeOps,
  revisionsTableName,
} from "@autogen/core";
import { classifyRisks, type Connection, type Dialect } from "@autogen/dialects";
import { compareWithRenames, type CompareOptions, type RenameCandidate } from "@autogen/compare";
import { schemaFromTypeORM, type DataSourceLike } from "@autogen/metadata";
import { createIntrospector, warningSink, type Introspector, type ReflectOptions } from "@autogen/reflection";
import { toProcessRevisionDirectives } from "@autogen/renderer";
import type { ScriptDirectory } from "@autogen/script";
import type { ResolvedConfig } from "./config";
import type { RenameResolution } from "./rename-resolution";

// Loaded with this module (compare is heavy), for the commands that resolve renames.
export { renameQuestionText, renameResolution } from "./rename-resolution";
import { xArgumentGetter, type GetXArgument } from "./x-arguments";

/** The header of the revision being generated. */
export interface AutogenerateRevision {
  revId: string;
  message: string | null;
  downRevision: string | string[] | null;
  branchLabels: string[] | null;
  dependsOn: string[] | null;
  versionPath: string | null;
}

/**
 * What hooks receive as `context` (Alembic passes its MigrationContext): the dialect, the live
 * connection, the resolved config and the `-x` arguments.
 */
export interface AutogenerateContext {
  readonly dialect: Dialect;
  readonly connection: Connection;
  readonly config: ResolvedConfig;
  readonly getXArgument: GetXArgument;
}

/**
 * The autogenerate pipeline: TypeORM metadata → target Schema; live database → reflected
 * Schema; compare → UpgradeOps, rename candidates resolved (hints, question, callback); the
 * downgrade is the reversed, reverse()d upgrade; then the config's processRevisionDirectives
 * (a function or a Rewriter) may edit or empty the list; last, the dialect classifies the
 * upgrade ops of each (every op gets its `risks`).
 * Returns the directives to write (possibly none).
 */
export async function autogenerate(o: {
  config: ResolvedConfig;
  connection: Connection;
  dialect: Dialect;
  script: ScriptDirectory;
  revision: AutogenerateRevision;
  /** Reflection warnings; default: process.emitWarning. */
  warn?: (line: string) => void;
  /**
   * Compare with an empty database instead of the live one: the revision creates everything the
   * entities declare (a baseline for databases that already have it, which `stamp` marks applied).
   * The live database is still read, for what the model resolves against it (MySQL charsets).
   */
  baseline?: boolean;
  /** Receives the database's schema as reflected (the revision's starting point: empty with baseline). */
  onReflected?: (reflected: Schema) => void;
  /** How rename candidates are decided; without it every candidate stays a drop plus an add. */
  renames?: RenameResolution;
  /** Receives the candidates left as a drop plus an add (none when there are none). */
  onUnresolvedRenames?: (candidates: readonly RenameCandidate[]) => void;
  /** Models already built in this run, reused (see {@link ModelCache}). */
  models?: ModelCache;
  /** Receives where the run stands (see CommandOptions.onProgress). */
  onProgress?: (stage: string) => void;
}): Promise<MigrationScript[]> {
  const { config, connection, dialect } = o;
  const { reflected, upgradeOps, unresolved } = await compareWithModels(o);
  o.onReflected?.(reflected);
  o.onUnresolvedRenames?.(unresolved);
  const directives: MigrationScript[] = [
    MigrationScript.create({ ...o.revision, upgradeOps, downgradeOps: reverseUpgradeOps(upgradeOps) }),
  ];
  if (config.processRevisionDirectives) {
    const context = autogenerateContext(config, connection, dialect);
    await toProcessRevisionDirectives(config.processRevisionDirectives)(context, o.revision.downRevision, directives);
  }
  // After the hooks: the risks are those of the ops that will be written.
  return directives.map((d) =>
    MigrationScript.cloneWith(d, { upgradeOps: UpgradeOps.create(classifyRisks(dialect, d.upgradeOps.ops)) }),
  );
}

/**
 * The database as reflected, and the ops that would make it match the models (compare's
 * output, before any processRevisionDirectives hook), with rename candidates resolved by
 * `renames` (none confirmed without it) and those left unresolved.
 */
export async function compareWithModels(o: {
  config: ResolvedConfig;
  connection: Connection;
  dialect: Dialect;
  warn?: (line: string) => void;
  /** Compare with an empty database (see autogenerate's `baseline`); `reflected` is then empty. */
  baseline?: boolean;
  renames?: RenameResolution;
  models?: ModelCache;
  onProgress?: (stage: string) => void;
}): Promise<{ reflected: Schema; upgradeOps: UpgradeOps; unresolved: readonly RenameCandidate[] }> {
  const { config, connection, dialect } = o;
  const introspector = createIntrospector(connection, dialect);
  // The live database is read even for a baseline: the model resolves against it (MySQL charsets).
  const { model, live } = await modelAndDatabase(config, introspector, connection, dialect, o);
  const reflected = o.baseline ? Schema.empty() : live;
  const resolved = introspector.canonicalTarget ? await introspector.canonicalTarget(model) : model;
  const target = await withCanonicalViews(introspector, resolved, reflected);
  o.onProgress?.(`comparing ${target.tables.length} tables with the database`);
  const { upgradeOps, unresolved } = await compareWithRenames(
    target,
    reflected,
    compareOptions(config, dialect),
    o.renames?.resolver ?? { decide: () => false },
  );
  o.renames?.assertHintsUsed();
  return { reflected, upgradeOps, unresolved };
}

/**
 * The entities' schema and the database's, read at the same time: reflection's catalog
 * statement is sent before the model is built, so the server works on it while the entities
 * are read (drivers send a queued statement only once the event loop is free again, which is
 * why PostgreSQL and MySQL reflection send a single one). That reflection covers what is known
 * before the model exists (the default schema, or the configured includeSchemas); a model that
 * names other schemas is reflected again with them. Only the reflection kept reports its
 * warnings.
 */
async function modelAndDatabase(
  config: ResolvedConfig,
  introspector: Introspector,
  connection: Connection,
  dialect: Dialect,
  o: { warn?: (line: string) => void; models?: ModelCache; onProgress?: (stage: string) => void },
): Promise<{ model: Schema; live: Schema }> {
  // Asked before reflection starts: one statement at a time on the connection (pg deprecates
  // a query sent while another runs).
  const serverVersion = await connection.serverVersion();
  const progress = new StageProgress(o.onProgress);
  progress.start("reflecting the database");
  progress.start("building the model");
  const warnings: string[] = [];
  // What reflection asks first (includeSchemas: true lists the schemas) is answered before the
  // model build, which would hold the answer back until it ends.
  const options = await reflectOptions(config, introspector, null, (line) => warnings.push(line), serverVersion);
  let catalogSent!: () => void;
  const sent = new Promise<void>((resolve) => (catalogSent = resolve));
  const reflection = introspector.reflect({ ...options, onCatalogSent: catalogSent });
  // The model is built once the catalog statements are out (the statements reflection sends
  // before them, e.g. PostgreSQL's JIT setting, answered), or once reflection has failed.
  await Promise.race([sent, reflection.catch(() => undefined)]);
  // Awaited below; until then a failure must not count as unhandled.
  reflection
    .then((s) => progress.finish("reflecting the database", `database: ${s.tables.length} tables`))
    .catch(() => undefined);
  // On failure the reflection is let finish first, so that no statement is left running on a
  // connection the caller then closes.
  const model = await targetSchema(config, connection, dialect, o.warn, o.models, serverVersion).catch(
    async (err: unknown) => {
      await reflection.catch(() => undefined);
      throw err;
    },
  );
  progress.finish("building the model", `model: ${model.tables.length} tables`);
  if (modelSchemas(config, model).length > 0) {
    await reflection.catch(() => undefined);
    progress.start("reflecting the database again, with the model's schemas");
    return { model, live: await reflectedSchema(config, introspector, model, o.warn, serverVersion) };
  }
  const live = await reflection;
  warnings.forEach(warningSink(o.warn ? { onWarning: o.warn } : {}));
  return { model, live };
}

/** Steps that run at the same time, told as one line: those still running, then what the finished ones found. */
class StageProgress {
  readonly #running = new Set<string>();
  readonly #found: string[] = [];
  constructor(private readonly report?: (stage: string) => void) {}

  start(step: string): void {
    this.#running.add(step);
    this.#draw();
  }

  finish(step: string, found: string): void {
    this.#running.delete(step);
    this.#found.push(found);
    this.#draw();
  }

  #draw(): void {
    if (this.#running.size > 0) this.report?.([[...this.#running].join(" and "), ...this.#found].join("; "));
  }
}

/**
 * Models built during one run of several databases (`check --each`), by dialect and server
 * version: the entities' schema depends on nothing else, so targets on like servers share it.
 */
export type ModelCache = Map<string, Promise<Schema>>;

/** The entities' schema, in the dialect's canonical terms; from `models` when one was built for this server. */
export async function targetSchema(
  config: ResolvedConfig,
  connection: Connection,
  dialect: Dialect,
  warn?: (line: string) => void,
  models?: ModelCache,
  /** The connection's server version when the caller has it already. */
  knownServerVersion?: string,
): Promise<Schema> {
  if (!config.dataSource && !config.entities) {
    throw new CommandError("autogenerate needs `dataSource` or `entities` in the config");
  }
  // TypeORM maps some types by server version (MariaDB uuid, json): tell it the real one.
  const serverVersion = knownServerVersion ?? (await connection.serverVersion());
  const key = `${dialect.name} ${serverVersion}`;
  const cached = models?.get(key);
  if (cached) return cached;
  const model = schemaFromTypeORM(
    config.dataSource
      ? { dataSource: config.dataSource as DataSourceLike }
      : { entities: [...(config.entities ?? [])] },
    dialect,
    { serverVersion, ...(warn && { warn }) },
  );
  models?.set(key, model);
  return model;
}

/**
 * The database as it is. Without includeSchemas, that is the connection's default schema plus
 * every named schema the entities live in (so a model in `audit.*` is compared with `audit`,
 * not re-created each time); with `includeSchemas: true` every application schema; with a
 * list, those schemas.
 */
export async function reflectedSchema(
  config: ResolvedConfig,
  introspector: Introspector,
  target: Schema | null,
  warn?: (line: string) => void,
  /** The connection's server version when the caller has it already (saves MySQL reflection a round trip). */
  serverVersion?: string,
): Promise<Schema> {
  return introspector.reflect(await reflectOptions(config, introspector, target, warn, serverVersion));
}

/** The options of {@link reflectedSchema}'s reflect call. */
async function reflectOptions(
  config: ResolvedConfig,
  introspector: Introspector,
  target: Schema | null,
  warn?: (line: string) => void,
  serverVersion?: string,
): Promise<ReflectOptions> {
  const o: { -readonly [K in keyof ReflectOptions]: ReflectOptions[K] } = {};
  if (warn) o.onWarning = warn;
  if (serverVersion !== undefined) o.serverVersion = serverVersion;
  if (config.versionTable) o.exclude = [config.versionTable, revisionsTableName(config.versionTable)];
  if (Array.isArray(config.includeSchemas)) o.schemas = config.includeSchemas;
  else if (config.includeSchemas === true) o.schemas = await introspector.schemaNames();
  else {
    const named = modelSchemas(config, target);
    if (named.length > 0) o.schemas = [null, ...named];
  }
  return o;
}

/**
 * The named schemas the model's objects live in, sorted, which reflection covers besides the
 * default one when includeSchemas is not set (none for a null model, and none with it set).
 */
function modelSchemas(config: ResolvedConfig, target: Schema | null): string[] {
  if (target === null || (config.includeSchemas !== undefined && config.includeSchemas !== false)) return [];
  const named = [...target.tables, ...target.enums, ...target.views].flatMap((x) =>
    x.schema === null ? [] : [x.schema],
  );
  return [...new Set(named)].sort();
}

/**
 * Views the database already has are compared by the definition the database would store for
 * the model's SQL (PostgreSQL re-deparses it); new views need no such step.
 */
async function withCanonicalViews(introspector: Introspector, target: Schema, reflected: Schema): Promise<Schema> {
  if (!introspector.canonicalViewDefinition || target.views.length === 0) return target;
  const existing = new Set(reflected.views.map((v) => QualifiedName.key(v)));
  const views: View[] = [];
  for (const v of target.views) {
    const canonical = existing.has(QualifiedName.key(v))
      ? await introspector.canonicalViewDefinition(v.definition)
      : null;
    views.push(
      canonical === null ? v : View.create(v.name, canonical, { schema: v.schema, materialized: v.materialized }),
    );
  }
  return Schema.create({ ...target, views });
}

export function compareOptions(config: ResolvedConfig, dialect: Dialect): CompareOptions {
  return {
    dialect: dialect.name,
    includeName: config.includeName,
    includeObject: config.includeObject,
    compareType: config.compareType,
    compareServerDefault: config.compareServerDefault,
    includeSchemas: config.includeSchemas !== undefined && config.includeSchemas !== false,
    versionTable: config.versionTable,
    versionTableSchema: config.versionTableSchema ?? null,
    // Extensions the model's defaults need (PostgreSQL uuid-ossp) become ops, not connect-time side effects.
    ...(dialect.requiredExtensions && { requiredExtensions: (c) => dialect.requiredExtensions!(c) }),
  };
}

function autogenerateContext(config: ResolvedConfig, connection: Connection, dialect: Dialect): AutogenerateContext {
  return { dialect, connection, config, getXArgument: xArgumentGetter(config.xArgs) };
}

import type { MigrationScript } from "@autogen/core";
import type { Connection, DialectName } from "@autogen/dialects";
import type { PostWriteHook, RenderItemHook } from "@autogen/renderer";

// The hook signatures are compare's (it calls them): one definition, re-exported for configs.
import type { CompareServerDefaultFn, CompareTypeFn, FilterType, IncludeNameFn, IncludeObjectFn } from "@autogen/compare";
export type { CompareServerDefaultFn, CompareTypeFn, IncludeNameFn, IncludeObjectFn, ParentNames, SchemaObject } from "@autogen/compare";
/** The kinds of schema object the include hooks see (Alembic's `type_` argument). */
export type SchemaObjectType = FilterType;

/**
 * Alembic's `process_revision_directives(context, revision, directives)`. `directives` is a
 * plain array of frozen MigrationScripts: empty it (`directives.length = 0`) to write no
 * file, or replace its elements. A Rewriter's hook function fits here too.
 */
export type ProcessRevisionDirectivesFn = (
  context: unknown,
  revision: readonly string[],
  directives: MigrationScript[],
) => void | Promise<void>;

export type { PostWriteHook, RenderItemHook } from "@autogen/renderer";

/** What `onConnect` is told about the command. */
export interface SessionContext {
  readonly dialect: DialectName;
  /** The `-x` arguments: all of them, or one by key. */
  getXArgument(): Readonly<Record<string, string>>;
  getXArgument(key: string): string | undefined;
}

/** The settings an environment (`--name`) may override. */
export type EnvironmentOverrides = Partial<Omit<AutogenConfig, "environments">>;

/**
 * The contents of `autogen.config.ts` (Alembic's alembic.ini + env.py in one object).
 * Only `scriptLocation` is required; commands that touch the database also need `url`
 * (or a `connection` passed to the programmatic API), and autogenerate needs `dataSource`
 * or `entities`.
 */
export interface AutogenConfig {
  /** Folder holding `versions/` (relative paths resolve against the config file's folder). */
  scriptLocation: string;
  /**
   * Database URL: `postgres://`, `postgresql://`, `mysql://`, `mariadb://`,
   * `sqlite:///relative.db` (relative to the config file's folder), `sqlite:////abs/path.db`,
   * `sqlite://:memory:`.
   */
  url?: string;
  /**
   * A TypeORM DataSource (0.3 or 1.x) whose entities are the autogenerate target. Typed
   * `unknown` so that autogen does not tie the config to one TypeORM version's types.
   */
  dataSource?: unknown;
  /** Entity classes or entity schemas, when there is no DataSource. */
  entities?: readonly unknown[];
  /** The dialect, when neither `url` nor a connection says it (offline entity loading). */
  dialect?: DialectName;
  includeObject?: IncludeObjectFn;
  includeName?: IncludeNameFn;
  /** Compare every schema, not just the default one (true), or the listed ones. */
  includeSchemas?: boolean | readonly string[];
  /** Compare column types (default true) or decide with a callable. */
  compareType?: boolean | CompareTypeFn;
  /** Compare server defaults (default false, as in Alembic) or decide with a callable. */
  compareServerDefault?: boolean | CompareServerDefaultFn;
  processRevisionDirectives?: ProcessRevisionDirectivesFn;
  /** Alembic's `render_item`: custom code for a column, type, default or constraint. */
  renderItem?: RenderItemHook;
  /** Render table changes as `op.batchAlterTable` blocks (default: true on SQLite). */
  renderAsBatch?: boolean;
  /** Version table name (default `autogen_version`). */
  versionTable?: string;
  versionTableSchema?: string;
  /** One transaction per revision instead of one for the whole run. */
  transactionPerMigration?: boolean;
  /**
   * Runs on every database session a command opens, before anything else: session settings,
   * such as Alembic's multi-tenant recipe (`-x tenant=acme` → `SET search_path TO acme`, so that
   * migrations, the version table and autogenerate's reflection all use that schema).
   */
  onConnect?: (connection: Connection, context: SessionContext) => void | Promise<void>;
  /** Run after every revision file is written (default `["prettier"]`; `[]` for none). */
  postWriteHooks?: readonly PostWriteHook[];
  /**
   * Revision file name template (Alembic's `file_template`), default `%(rev)s_%(slug)s`;
   * tokens `rev, slug, epoch, year, month, day, hour, minute, second`.
   */
  fileTemplate?: string;
  /** Folders holding revision files (default `[<scriptLocation>/versions]`). */
  versionLocations?: readonly string[];
  /** Named overrides selected with `-n/--name` (Alembic's ini sections). */
  environments?: Readonly<Record<string, EnvironmentOverrides>>;
}

/** Types a config object; returns it unchanged. */
export function defineConfig<C extends AutogenConfig>(config: C): C {
  return config;
}

/**
 * A config ready to use: the environment merged in, `scriptLocation`, `versionLocations`
 * and relative SQLite URLs absolute, and the `-x` arguments attached.
 */
export interface ResolvedConfig extends Omit<AutogenConfig, "environments"> {
  readonly scriptLocation: string;
  /** The file the config came from, or null for a config object handed to `command.*`. */
  readonly configFile: string | null;
  /** The environment selected with `--name`, if any. */
  readonly environment: string | null;
  /** The `-x KEY=VALUE` arguments. */
  readonly xArgs: Readonly<Record<string, string>>;
}

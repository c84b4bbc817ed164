import * as checks from "./comparators/checks";
import * as columnOptions from "./comparators/column-options";
import * as columns from "./comparators/columns";
import * as comments from "./comparators/comments";
import * as enums from "./comparators/enums";
import * as exclusions from "./comparators/exclusions";
import * as extensions from "./comparators/extensions";
import * as foreignKeys from "./comparators/foreign-keys";
import * as identity from "./comparators/identity";
import * as indexes from "./comparators/indexes";
import * as mysqlBlockingForeignKeys from "./comparators/mysql-blocking-foreign-keys";
import * as mysqlCharset from "./comparators/mysql-charset";
import * as nullable from "./comparators/nullable";
import * as primaryKey from "./comparators/primary-key";
import * as schemas from "./comparators/schemas";
import * as serverDefaults from "./comparators/server-defaults";
import * as tables from "./comparators/tables";
import * as types from "./comparators/types";
import * as uniques from "./comparators/uniques";
import * as views from "./comparators/views";
import { ComparatorRegistry } from "./registry";

/**
 * The built-in comparators, each module registering itself (Alembic's `setup(plugin)`). The
 * order of the modules is the order of the subgroups: schemas, extensions, enums, tables; within a table,
 * columns, primary key, indexes, uniques, foreign keys, checks, exclusions, comment; within a column,
 * types, nullable, server default, identity, generated, comment, collation, on update; and
 * last, over all tables, MySQL's foreign keys that block a column change, and views.
 * (Op order in the output is fixed by the drafts' groups, not by this order.)
 */
export function createDefaultRegistry(): ComparatorRegistry {
  const r = new ComparatorRegistry();
  for (const m of [
    schemas,
    extensions,
    enums,
    tables,
    columns,
    primaryKey,
    indexes,
    uniques,
    foreignKeys,
    checks,
    exclusions,
    types,
    nullable,
    serverDefaults,
    identity,
    comments,
    columnOptions,
    mysqlCharset,
    mysqlBlockingForeignKeys,
    views,
  ]) {
    m.setup(r);
  }
  enums.setupColumnDefaults(r);
  return r;
}

/** The shared registry `compareSchemas` branches from; add project-wide comparators here. */
export const comparators: ComparatorRegistry = createDefaultRegistry();

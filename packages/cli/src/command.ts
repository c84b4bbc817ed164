import { branches } from "./commands/branches";
import { check } from "./commands/check";
import { current } from "./commands/current";
import { diff } from "./commands/diff";
import { downgrade } from "./commands/downgrade";
import { edit } from "./commands/edit";
import { heads } from "./commands/heads";
import { history } from "./commands/history";
import { init } from "./commands/init";
import { lint } from "./commands/lint";
import { listTemplates } from "./commands/list-templates";
import { merge } from "./commands/merge";
import { revision } from "./commands/revision";
import { show } from "./commands/show";
import { stamp } from "./commands/stamp";
import { upgrade } from "./commands/upgrade";
import { verify } from "./commands/verify";
import { fleet } from "./fleet/fleet-commands";

/**
 * One async function per CLI command, taking a config object instead of a file (Alembic's
 * `alembic.command`). The `autogen` bin is a thin layer over these.
 *
 * ```ts
 * const file = await command.revision(config, { message: "add x", autogenerate: true });
 * await command.upgrade(config, "head");
 * const sql = await command.upgrade(config, "base:head", { sql: true });
 * ```
 */
export const command = Object.freeze({
  init,
  listTemplates,
  revision,
  upgrade,
  downgrade,
  current,
  history,
  heads,
  branches,
  show,
  merge,
  stamp,
  check,
  edit,
  verify,
  lint,
  diff,
  /** The fleet commands (`--each`): upgrade, downgrade, stamp, current, check on every target. */
  fleet,
});

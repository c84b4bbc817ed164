// A synthetic revision graph for the benchmarks, and its files in autogen's and Alembic's formats.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

/** A 12-hex-character id, the same for the same index on every run. */
const revId = (i) => crypto.createHash("sha1").update(`autogen-bench-${i}`).digest("hex").slice(0, 12);

/**
 * `count` revisions: a trunk that forks a side branch every `branchEvery` revisions; each
 * branch grows `branchLength` revisions beside the trunk and is merged back by a merge
 * revision. The result has one head and one base, like a long-lived project.
 * @returns {{ id: string, down: string[], message: string }[]} in creation order
 */
function revisionGraph(count, { branchEvery = 100, branchLength = 10 } = {}) {
  const revs = [];
  const add = (down) => {
    const i = revs.length;
    const rev = { id: revId(i), down, message: `revision ${i}` };
    revs.push(rev);
    return rev.id;
  };
  let trunk = add([]);
  let branch = null;
  let branchLeft = 0;
  while (revs.length < count) {
    const i = revs.length;
    if (branch !== null && branchLeft === 0) {
      trunk = add([trunk, branch]); // merge
      branch = null;
    } else if (branch !== null) {
      // Grow trunk and branch alternately, so both lines advance.
      if (i % 2 === 0) {
        branch = add([branch]);
        branchLeft--;
      } else trunk = add([trunk]);
    } else if (i % branchEvery === 0 && count - i > 2 * branchLength + 2) {
      branch = add([trunk]);
      branchLeft = branchLength - 1;
    } else trunk = add([trunk]);
  }
  if (branch !== null) add([trunk, branch]);
  return revs;
}

const CREATE_DATE = "2026-11-21 10:00:00.000000";

/** An autogen revision file (docs/revision-files.md) with empty upgrade/downgrade. */
function autogenRevisionFile(rev) {
  const down =
    rev.down.length === 0 ? "null" : rev.down.length === 1 ? JSON.stringify(rev.down[0]) : JSON.stringify(rev.down);
  return `/**
 * ${rev.message}
 *
 * Revision ID: ${rev.id}
 * Revises: ${rev.down.join(", ")}
 * Create Date: ${CREATE_DATE}
 */
import type { Operations } from "autogen";

export const revision = "${rev.id}";
export const downRevision: string | string[] | null = ${down};
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;

export async function upgrade(op: Operations): Promise<void> {}

export async function downgrade(op: Operations): Promise<void> {}
`;
}

/** The same revision as an Alembic script (its generic template, with empty upgrade/downgrade). */
function alembicRevisionFile(rev) {
  const q = (s) => `'${s}'`;
  const down =
    rev.down.length === 0 ? "None" : rev.down.length === 1 ? q(rev.down[0]) : `(${rev.down.map(q).join(", ")})`;
  return `"""${rev.message}

Revision ID: ${rev.id}
Revises: ${rev.down.join(", ")}
Create Date: ${CREATE_DATE}

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = ${q(rev.id)}
down_revision = ${down}
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
`;
}

/** Writes one file per revision into `versionsDir`, named `<id>_revision_<n>.<ext>`. */
function writeRevisions(revs, versionsDir, ext, render) {
  fs.mkdirSync(versionsDir, { recursive: true });
  revs.forEach((rev, i) => fs.writeFileSync(path.join(versionsDir, `${rev.id}_revision_${i}.${ext}`), render(rev)));
}

module.exports = { revisionGraph, autogenRevisionFile, alembicRevisionFile, writeRevisions };

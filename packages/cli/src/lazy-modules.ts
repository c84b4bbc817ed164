/*
 * The packages a command needs, required when the command runs rather than when the CLI
 * starts: `autogen heads` on thousands of revisions must not pay for drivers, swc or prettier.
 */

export function scriptModule(): typeof import("@autogen/script") {
  return require("@autogen/script");
}

export function runtimeModule(): typeof import("@autogen/runtime") {
  return require("@autogen/runtime");
}

export function rendererModule(): typeof import("@autogen/renderer") {
  return require("@autogen/renderer");
}

/** The autogenerate pipeline (metadata, reflection, compare: TypeORM included). */
export function autogenerateModule(): typeof import("./autogenerate") {
  return require("./autogenerate");
}

/** Verify's history run (everything autogenerate needs, and the runtime). */
export function verifyHistoryModule(): typeof import("./verify/verify-history") {
  return require("./verify/verify-history");
}

/** The pull-request summary of a revision (runtime's recorder, the dialects' DDL, npm diff). */
export function revisionSummaryModule(): typeof import("./pull-request/revision-summary") {
  return require("./pull-request/revision-summary");
}

/** Lint's recording and classification (the runtime, swc and the dialects' risk rules). */
export function lintRevisionsModule(): typeof import("./lint/lint-revisions") {
  return require("./lint/lint-revisions");
}

/** `autogen diff`: the database against the models, or two revisions on scratch databases. */
export function schemaDiffsModule(): typeof import("./pull-request/schema-diffs") {
  return require("./pull-request/schema-diffs");
}

/* Shared by the ddl-*.test.ts files: expected DDL as a Record over the dialects. */
import assert from "node:assert/strict";
import { UnsupportedOpError, type OpNode } from "@autogen/core";
import { DIALECT_NAMES, getDialect, type DialectName } from "../src/index";

/** The expectation for a dialect: its statements, or the error class compiling must throw. */
export type Expected = readonly string[] | (new (...args: never[]) => Error);

/** Compiles `op` for every dialect and compares with the Record (a missing dialect does not type-check). */
export function expectDdl(op: OpNode, expected: Record<DialectName, Expected>): void {
  for (const d of DIALECT_NAMES) {
    const want = expected[d];
    const compile = () => getDialect(d).createDdlCompiler().compile(op);
    if (typeof want === "function") assert.throws(compile, want, `${d}: expected ${want.name}`);
    else assert.deepEqual(compile(), want, `${d}: DDL of ${op.kind}`);
  }
}

export const UNSUPPORTED = UnsupportedOpError;
export const compileFor = (d: DialectName, op: OpNode): readonly string[] =>
  getDialect(d).createDdlCompiler().compile(op);

/*
 * Test support, kept out of the production entry point (it imports node:test): the
 * `@autogen/dialects/testing` subpath export.
 */
export * from "./test-databases";
export * from "./temp-dir";
export * from "./offline-statements";

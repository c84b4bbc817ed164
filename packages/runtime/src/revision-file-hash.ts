import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseSync } from "@swc/core";

/**
 * The content hash recorded for an applied revision file (the revisions table's `checksum`):
 * SHA-256, hex, of what the file does rather than how it is written. The file is parsed with
 * swc and the syntax tree is hashed without positions, comments, the spelling of literals
 * (`'a'` and `"a"`, `1.0` and `1.00`), redundant parentheses, empty statements and quotes around
 * property names. So reformatting (prettier with any options) and editing comments, the
 * header's docstring included, leave the hash alone, while any change to code, a literal's
 * value, an identifier or a type does not. A file swc cannot parse is hashed as raw bytes
 * (it cannot run either).
 */
export function revisionFileHash(path: string): string {
  const source = readFileSync(path, "utf8");
  const hash = createHash("sha256");
  let tree: unknown;
  try {
    tree = parseSync(source, { syntax: "typescript", decorators: true, dynamicImport: true, comments: false });
  } catch {
    return hash.update("raw\0").update(source).digest("hex");
  }
  const out: string[] = [];
  writeCanonical(tree, out);
  return hash.update("ast\0").update(out.join("")).digest("hex");
}

/** Node fields that say where or how something is written, not what it is. */
const LAYOUT_FIELDS = new Set(["span", "ctxt", "raw"]);

/**
 * Writes the tree as JSON with object keys sorted (the hash does not depend on swc's field order),
 * leaving out what formatting can change (see {@link revisionFileHash}). One pass: hashing every
 * applied revision on each `current` must stay cheap.
 */
function writeCanonical(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    out.push("[");
    for (const item of node) {
      if (isNode(item) && item.type === "EmptyStatement") continue;
      writeCanonical(item, out);
      out.push(",");
    }
    out.push("]");
    return;
  }
  if (!isNode(node)) {
    out.push(JSON.stringify(node) ?? "null");
    return;
  }
  // `(a + b) * c` is already a tree that says which comes first.
  if (node.type === "ParenthesisExpression") return writeCanonical(node.expression, out);
  out.push("{");
  for (const key of Object.keys(node).sort()) {
    if (LAYOUT_FIELDS.has(key)) continue;
    out.push(JSON.stringify(key), ":");
    writeCanonical(key === "key" ? propertyName(node[key]) : node[key], out);
    out.push(",");
  }
  out.push("}");
}

/** `{ "a": 1 }`, `{ a: 1 }` and `{ 1: x }` / `{ "1": x }` name the same property. */
function propertyName(key: unknown): unknown {
  if (isNode(key) && (key.type === "Identifier" || key.type === "StringLiteral" || key.type === "NumericLiteral"))
    return { type: "PropertyName", value: String(key.value) };
  return key;
}

function isNode(value: unknown): value is Record<string, unknown> & { type?: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

import type { RiskCode } from "@autogen/core";

/**
 * An acknowledgement: the risk's comment edited by a reviewer, `// risk data-loss (acknowledged):
 * why`, or written by hand as `// risk data-loss (acknowledged)`.
 */
const ACKNOWLEDGED = /^\/\/\s*risk\s+([a-z][a-z-]*)\s*\(acknowledged\)/;

/** A block the renderer wraps an op in (an enum value added outside the transaction): its comments sit above the block. */
const WRAPPER = /^await op\.autocommitBlock\(\s*async\s*\(\)\s*=>\s*\{$/;

/**
 * The risk codes acknowledged for the op whose call starts on 1-based `line`: those named in the
 * block of `//` comment lines directly above it (a blank or code line ends the block; the
 * opening line of an autocommitBlock wrapping the op does not), so the acknowledgement is in
 * the reviewed diff next to the op. A line past the end of the file (a source map that points
 * elsewhere) has nothing above it to read.
 */
export function acknowledgedCodes(fileLines: readonly string[], line: number): Set<RiskCode> {
  const codes = new Set<RiskCode>();
  if (line > fileLines.length) return codes;
  for (let i = line - 2; i >= 0; i--) {
    const text = fileLines[i]!.trim();
    if (i === line - 2 && WRAPPER.test(text)) continue;
    if (!text.startsWith("//")) break;
    const m = ACKNOWLEDGED.exec(text);
    if (m) codes.add(m[1] as RiskCode);
  }
  return codes;
}

import type { Risk } from "@autogen/core";

/**
 * The comment a risk is rendered as, on the line above its op: `// risk data-loss: drops column
 * users.pw`. Never acknowledged: `autogen lint` fails until a reviewer edits it to
 * `// risk data-loss (acknowledged): ...` (see autogen's README, "Risk codes").
 */
export function riskComment(risk: Risk): string {
  return `// risk ${risk.code}: ${risk.message.replace(/\r?\n/g, " ")}`;
}

import { collectRisks, type MigrationScript } from "@autogen/core";
import { detectedLines } from "./detected-lines";

/** One line per risk, as `check` and `revision --autogenerate` print them: `risk data-loss: drops column users.pw`. */
export const riskLine = (r: { code: string; message: string }): string => `risk ${r.code}: ${r.message}`;

/**
 * Reports what autogenerate found for one revision: each change as Alembic's "Detected ..."
 * line to `info`, then each risk to `warn` (the CLI prints both on stderr; risks even with -q).
 */
export function reportChanges(
  script: MigrationScript,
  o: { info?: (line: string) => void; warn?: (line: string) => void },
): void {
  const ops = script.upgradeOps.ops;
  if (o.info) for (const line of detectedLines(ops)) o.info(line);
  if (o.warn) for (const r of collectRisks(ops)) o.warn(riskLine(r));
}

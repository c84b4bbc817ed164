/**
 * A separate `upgrade head` process for the concurrency test: argv = [url, scriptLocation].
 * Does nothing when loaded without arguments (e.g. by a test runner scanning the folder).
 */
import { connect, getDialect } from "@autogen/dialects";
import { upgrade } from "../../src/index";
import { loadScript } from "./script-fixture";

async function main(url: string, scriptLocation: string): Promise<void> {
  const conn = await connect(url);
  try {
    await upgrade({
      script: loadScript(scriptLocation),
      dialect: getDialect(conn.dialect),
      connection: conn,
      target: "head",
    });
  } finally {
    await conn.close();
  }
}

const [url, scriptLocation] = process.argv.slice(2);
if (require.main === module && url && scriptLocation) {
  main(url, scriptLocation).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

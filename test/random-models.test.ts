/*
 * The invariant (docs/architecture.md) on random models: for each dialect, models generated from fixed seeds
 * (test/helpers/random-model.ts with the dialect's menu in random-menus/) go through
 * autogenerate → upgrade → check is empty → downgrade base. Fixtures pin the cases someone
 * thought of; these find the combinations nobody did (MariaDB's rewritten defaults and key
 * prefixes were found this way). A failure names its seed: `randomEntities(EntitySchema,
 * menu, seed)` rebuilds the model.
 */
import { test } from "node:test";
import { EntitySchema } from "typeorm";
import { type DialectName } from "@autogen/dialects";
import { useDatabase } from "@autogen/dialects/testing";
import { randomEntities, type ColumnMenu } from "./helpers/random-model";
import { mysqlMenu } from "./helpers/random-menus/mysql";
import { assertRoundTrip } from "./helpers/round-trip";

const MENUS: Partial<Record<DialectName, ColumnMenu>> = { mysql: mysqlMenu };
const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i * 7919);

for (const [dialect, menu] of Object.entries(MENUS) as [DialectName, ColumnMenu][]) {
  for (const seed of SEEDS) {
    test(`${dialect}: random model, seed ${seed}`, async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      await assertRoundTrip(
        t,
        db,
        { entities: randomEntities(EntitySchema as never, menu, seed) },
        `random-${seed}-${dialect}`,
      );
    });
  }
}

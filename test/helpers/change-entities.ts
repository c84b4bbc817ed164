/* Entity pairs that several dialects' change suites use as they are (v1 → v2 of one table). */
import { Column, Entity, PrimaryColumn } from "typeorm";
import { entities, pk } from "./entity-builder";
import type { ChangeScenario } from "./change-scenario";

export const {
  LenV1,
  LenV2,
  NotNullV1,
  NotNullV2,
  DefV1,
  DefV2,
  WidenV1,
  WidenV2,
  NullableV1,
  NullableV2,
  NarrowV1,
  NarrowV2,
} = entities({
  LenV1: [Entity("account"), { id: pk(), name: [String, Column({ length: 50 })] }],
  LenV2: [Entity("account"), { id: pk(), name: [String, Column({ length: 200 })] }],
  NotNullV1: [Entity("account"), { id: pk(), nick: [Object, Column({ type: "varchar", nullable: true })] }],
  NotNullV2: [Entity("account"), { id: pk(), nick: [String, Column({ type: "varchar", default: "anon" })] }],
  DefV1: [Entity("account"), { id: pk(), level: [Number, Column({ default: 1 })] }],
  DefV2: [Entity("account"), { id: pk(), level: [Number, Column({ default: 2 })] }],
  WidenV1: [Entity("counter"), { id: pk(), hits: [Number, Column("int")] }],
  WidenV2: [Entity("counter"), { id: pk(), hits: [String, Column("bigint")] }],
  NullableV1: [Entity("account"), { id: pk(), name: [String, Column()] }],
  NullableV2: [Entity("account"), { id: pk(), name: [Object, Column({ type: "varchar", nullable: true })] }],
  NarrowV1: [Entity("account"), { id: pk(), name: [String, Column({ length: 200 })] }],
  NarrowV2: [Entity("account"), { id: pk(), name: [String, Column({ length: 50 })] }],
});

/** A table keyed by a natural column that gets a generated primary key: the rows must be numbered. */
const { NewIdV1, NewIdV2 } = entities({
  NewIdV1: [
    Entity("visit"),
    { code: [String, Column({ length: 20 })], place: [String, PrimaryColumn({ length: 20 })] },
  ],
  NewIdV2: [
    Entity("visit"),
    { id: pk(), code: [String, Column({ length: 20 })], place: [String, Column({ length: 20 })] },
  ],
});

/** The generated key scenario without its dialect's ops and SQL. */
export const NEW_ID = {
  name: "a generated primary key added to a table with rows numbers the rows",
  before: [NewIdV1],
  after: [NewIdV2],
  rows: [
    [
      "visit",
      [
        { code: "a", place: "x" },
        { code: "b", place: "y" },
      ],
    ],
  ],
  expect: {
    visit: {
      columns: ["id", "code"],
      rows: [
        { id: 1, code: "a" },
        { id: 2, code: "b" },
      ],
    },
  },
} satisfies Omit<ChangeScenario, "ops">;

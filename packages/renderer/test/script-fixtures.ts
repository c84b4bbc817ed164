import {
  AddColumnOp,
  CreateEnumOp,
  CreateForeignKeyOp,
  CreateTableOp,
  DropIndexOp,
  MigrationScript,
  ModifyTableOps,
  reverseUpgradeOps,
  UpgradeOps,
} from "@autogen/core";
import { accountTable, accounts, moodEnum, narrowing, nameIndex, overdrawn, ownerFk } from "./op-fixtures";

export const CREATE_DATE = new Date(Date.UTC(2026, 10, 21, 10, 0, 0, 123));

const up = UpgradeOps.create([
  CreateEnumOp.create(moodEnum),
  CreateTableOp.create(accountTable),
  ModifyTableOps.create(accounts, [
    AddColumnOp.create(accounts, overdrawn),
    narrowing,
    DropIndexOp.create(accounts, nameIndex),
    CreateForeignKeyOp.create(accounts, ownerFk),
  ]),
]);

/** A merge revision with every header field set and ops of several kinds in both trees. */
export const WHOLE_SCRIPT = MigrationScript.create({
  revId: "44fa7043e441",
  message: "add overdrawn column\n\nand the account table",
  downRevision: ["ad72c7ec8b22", "1975ea83b712"],
  branchLabels: ["billing"],
  dependsOn: ["3e4d2a1b0c9f"],
  upgradeOps: up,
  downgradeOps: reverseUpgradeOps(up),
  imports: ['import { sql } from "./helpers";'],
});

export const EMPTY_SCRIPT = MigrationScript.create({
  revId: "ae1027a6acf1",
  message: "empty",
  downRevision: "44fa7043e441",
});

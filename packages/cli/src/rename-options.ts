import type { RenameCandidate } from "@autogen/compare";

/** How `revision --autogenerate` and `check` resolve rename candidates (README, "Renames"). */
export interface RenameOptions {
  /**
   * Renames confirmed up front (CLI `--rename`, repeatable): `users.fullname=name`,
   * `table:coupons=promo_codes`, `index:users.IDX_a=IDX_b`, `unique:users.UQ_a=UQ_b`,
   * `fk:orders.FK_a=FK_b`, `enum-value:mood.sad=unhappy`. A hint that matches no candidate is
   * an error (exit 2) and nothing is written.
   */
  renames?: readonly string[];
  /**
   * Asked about each candidate no hint decided (after the terminal question, when there is
   * one): true makes it a rename, false (the default) leaves a drop plus an add.
   */
  confirmRename?: (candidate: RenameCandidate) => boolean | Promise<boolean>;
}

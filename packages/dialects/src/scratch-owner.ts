/*
 * Who made a scratch database, written into its name: when, and which process on which host, so
 * that a later run can tell the leftover of a killed process from one still in use.
 */
import { createHash, randomBytes } from "node:crypto";
import { readlinkSync } from "node:fs";
import { hostname } from "node:os";

/** The owner part of a scratch database's name. */
export interface ScratchOwner {
  /** Creation time, ms since the epoch. */
  readonly createdMs: number;
  /**
   * Six hex digits of the host name and PID namespace: a pid means this process only where both
   * are this process's (another container on the same server has its own pids).
   */
  readonly host: string;
  readonly pid: number;
}

let thisHost: string | undefined;

/** This process's host tag (see {@link ScratchOwner.host}). */
export function hostTag(): string {
  if (thisHost === undefined) {
    let namespace = "";
    try {
      namespace = readlinkSync("/proc/self/ns/pid");
    } catch {
      // Not Linux: the host name alone.
    }
    thisHost = createHash("sha256").update(`${hostname()}\0${namespace}`).digest("hex").slice(0, 6);
  }
  return thisHost;
}

/**
 * `<prefix><base-36 time><sep><host><sep><base-36 pid><sep>` and, unless `random` is false, 8
 * random hex digits (a temp folder gets mkdtemp's instead): at most 63 characters for a prefix of
 * up to 28, PostgreSQL's limit.
 */
export function scratchName(
  prefix: string,
  sep: "_" | "-",
  o: { owner?: ScratchOwner; random?: boolean } = {},
): string {
  const owner = o.owner ?? { createdMs: Date.now(), host: hostTag(), pid: process.pid };
  const head = `${prefix}${owner.createdMs.toString(36)}${sep}${owner.host}${sep}${owner.pid.toString(36)}${sep}`;
  return o.random === false ? head : head + randomBytes(4).toString("hex");
}

/**
 * Whether a database (or temp folder) named `<prefix>...` was left behind: older than
 * `olderThanMs`, or made by a process of this host that no longer runs. Names written before the
 * owner was part of them (`<prefix><time>_<random>`) are judged by age alone.
 */
export function isLeftover(
  name: string,
  o: { prefix: string; sep: "_" | "-"; olderThanMs: number; now?: number },
): boolean {
  if (!name.startsWith(o.prefix)) return false;
  const parts = name.slice(o.prefix.length).split(o.sep);
  const createdMs = parseInt(parts[0] ?? "", 36);
  if (!Number.isFinite(createdMs)) return false;
  if ((o.now ?? Date.now()) - createdMs > o.olderThanMs) return true;
  if (parts.length < 4 || parts[1] !== hostTag()) return false;
  const pid = parseInt(parts[2] ?? "", 36);
  return Number.isInteger(pid) && pid > 0 && !processRuns(pid);
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

import { CommandError } from "@autogen/core";

/** Alembic's default `file_template`. */
export const DEFAULT_FILE_TEMPLATE = "%(rev)s_%(slug)s";
/** Alembic's default `truncate_slug_length`. */
export const DEFAULT_TRUNCATE_SLUG_LENGTH = 40;

/**
 * The slug of a message: its words (letters, digits, `_`) joined by `_`, lower-cased; longer than
 * `truncate` characters it is cut at the last `_` inside the limit and ends with `_`.
 */
export function slugify(message: string | null, truncate = DEFAULT_TRUNCATE_SLUG_LENGTH): string {
  const slug =
    (message ?? "")
      .match(/[\p{L}\p{N}_]+/gu)
      ?.join("_")
      .toLowerCase() ?? "";
  const chars = Array.from(slug);
  if (chars.length <= truncate) return slug;
  const cut = chars.slice(0, truncate).join("");
  const lastUnderscore = cut.lastIndexOf("_");
  return `${lastUnderscore < 0 ? cut : cut.slice(0, lastUnderscore)}_`;
}

/**
 * The file name (without `.ts`) for a new revision: the template with Python `%`-style tokens
 * `%(rev)s`, `%(slug)s`, `%(epoch)s`, `%(year)d`, `%(month).2d`, `%(day).2d`, `%(hour).2d`,
 * `%(minute).2d`, `%(second).2d` (local time of `date`), as in Alembic's `file_template`.
 */
export function revisionFileName(o: {
  template?: string;
  revId: string;
  message: string | null;
  date: Date;
  truncateSlugLength?: number;
}): string {
  const d = o.date;
  const values: Record<string, string | number> = {
    rev: o.revId,
    slug: slugify(o.message, o.truncateSlugLength ?? DEFAULT_TRUNCATE_SLUG_LENGTH),
    epoch: Math.floor(d.getTime() / 1000),
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
  };
  return percentFormat(o.template ?? DEFAULT_FILE_TEMPLATE, values);
}

/** `2026-11-21 10:00:00.000000`: Python's `str(datetime)`, the `Create Date:` line of a revision file. */
export function formatCreateDate(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return (
    `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ` +
    `${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}.${p(date.getMilliseconds() * 1000, 6)}`
  );
}

const TOKEN_RE = /%(?:\((\w+)\))?([-#0 +]*)(\d+)?(?:\.(\d+))?([sdi%])/g;

function percentFormat(template: string, values: Record<string, string | number>): string {
  return template.replace(
    TOKEN_RE,
    (
      whole,
      key: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv: string,
    ) => {
      if (conv === "%") return "%";
      if (key === undefined) throw new CommandError(`file_template token ${whole} needs a name, e.g. %(rev)s`);
      if (!(key in values))
        throw new CommandError(
          `Unknown token '${key}' in file_template; use rev, slug, epoch, year, month, day, hour, minute or second`,
        );
      const value = values[key]!;
      let text: string;
      if (conv === "s") {
        text = String(value);
        if (precision !== undefined) text = text.slice(0, Number(precision));
      } else {
        const n = Math.trunc(Number(value));
        if (Number.isNaN(n)) throw new CommandError(`file_template token %(${key})${conv} needs a number`);
        text = String(Math.abs(n));
        if (precision !== undefined) text = text.padStart(Number(precision), "0");
        const sign = n < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
        if (width !== undefined && flags.includes("0") && !flags.includes("-"))
          text = text.padStart(Number(width) - sign.length, "0");
        text = sign + text;
      }
      if (width !== undefined) text = flags.includes("-") ? text.padEnd(Number(width)) : text.padStart(Number(width));
      return text;
    },
  );
}

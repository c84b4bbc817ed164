/** `getXArgument()` as revisions and hooks see it: all `-x KEY=VALUE` arguments, or one by key. */
export interface GetXArgument {
  (): Readonly<Record<string, string>>;
  (key: string): string | undefined;
}

/** The `getXArgument` function over one command's `-x` arguments. */
export function xArgumentGetter(xArgs: Readonly<Record<string, string>>): GetXArgument {
  return ((key?: string) => (key === undefined ? xArgs : xArgs[key])) as GetXArgument;
}

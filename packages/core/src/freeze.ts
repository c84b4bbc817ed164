/** Deep-freezes plain data (objects and arrays) and returns it typed as-is. */
export function freeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      // Indexed, not for-in: for-in walks an array by string keys.
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v !== null && typeof v === "object") freeze(v);
      }
      return value;
    }
    // for-in rather than Object.values: no array per node (every column of every reflect comes here).
    const o = value as Record<string, unknown>;
    for (const key in o) {
      const v = o[key];
      if (v !== null && typeof v === "object") freeze(v);
    }
  }
  return value;
}

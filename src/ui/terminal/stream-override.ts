/**
 * `stream` with one method replaced, everything else (properties, events, raw mode, size) the
 * stream's own, its methods bound to it: what Ink is given where tunes must see its reads or writes.
 */
export function withOverride<S extends object, K extends keyof S>(stream: S, name: K, method: S[K]): S {
  return new Proxy(stream, {
    get(target, property) {
      if (property === name) return method;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

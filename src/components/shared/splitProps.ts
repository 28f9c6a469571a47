/**
 * Splits `props` into the listed keys and the rest: a root hands the first to its state hook
 * and spreads the rest on its element. Written out because a typed key list is all it takes.
 */
export function splitProps<T extends object, K extends keyof T>(props: T, keys: readonly K[]): [Pick<T, K>, Omit<T, K>] {
  const picked = {} as Pick<T, K>;
  const rest = { ...props };
  for (const key of keys) {
    if (key in props) picked[key] = props[key];
    delete rest[key];
  }
  return [picked, rest];
}

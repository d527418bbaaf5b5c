/**
 * Some methods of an object, bound to it: how a facade (a domain's service
 * or store as its callers see it) hands calls to the part that does the job.
 * Pair it with an interface that extends `Pick<Part, typeof NAMES[number]>`
 * of the facade class, so each method is named once.
 */
export function delegate<T extends object, K extends keyof T>(
  part: T,
  names: readonly K[],
): Pick<T, K> {
  const methods = {} as Pick<T, K>;
  for (const name of names) {
    const method = part[name];
    if (typeof method !== 'function') {
      throw new TypeError(`${String(name)} is no method`);
    }
    methods[name] = method.bind(part);
  }
  return methods;
}

/**
 * The map's value for `key`, created and stored first when missing: the
 * memo tables of the metrics (per snapshot, per list of services, per
 * list of rows) are maps of maps keyed by objects.
 */
export function getOrCreate<K extends object, V>(
  map: WeakMap<K, V>,
  key: K,
  create: () => V,
): V;
export function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V;
export function getOrCreate<K extends object, V>(
  map: Map<K, V> | WeakMap<K, V>,
  key: K,
  create: () => V,
): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

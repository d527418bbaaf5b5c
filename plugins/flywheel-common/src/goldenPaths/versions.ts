import semver from 'semver';

/**
 * Compares two template versions. Valid semver compares as semver; anything
 * else falls back to a plain string comparison so a typo never throws.
 *
 * @public
 */
export function compareTemplateVersions(a: string, b: string): number {
  const va = semver.coerce(a);
  const vb = semver.coerce(b);
  if (va && vb) {
    return semver.compare(va, vb);
  }
  return a.localeCompare(b);
}

/**
 * Whether a string is a valid semver version (for template validation).
 *
 * @public
 */
export function isValidTemplateVersion(version: string): boolean {
  return semver.valid(version) !== null;
}

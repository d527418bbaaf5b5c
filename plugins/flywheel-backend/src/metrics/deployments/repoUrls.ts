import { Entity } from '@backstage/catalog-model';

/**
 * A repository URL reduced to host and path, so that the forms CI systems
 * and catalog annotations use compare equal: `https://GitHub.com/acme/x.git`,
 * `git@github.com:acme/x`, `url:https://github.com/acme/x/tree/main/` are
 * all `github.com/acme/x`. Undefined when it names no repository.
 */
export function repoKey(url: string): string | undefined {
  let rest = url.trim().replace(/^url:/, '');
  const scp = /^[\w.-]+@([^:/]+):(.+)$/.exec(rest); // git@host:org/repo
  if (scp) {
    rest = `${scp[1]}/${scp[2]}`;
  } else {
    rest = rest.replace(/^[a-z+]+:\/\//i, '').replace(/^[^@/]+@/, '');
  }
  rest = rest
    .replace(/[?#].*$/, '')
    .replace(/\/(-\/)?(tree|blob|src)\/.*$/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  const [host, ...path] = rest.split('/');
  if (!host || path.length === 0) {
    return undefined;
  }
  return `${host.toLowerCase()}/${path.join('/')}`.toLowerCase();
}

/** The repositories an entity's annotations name. */
export function entityRepoKeys(entity: Entity): string[] {
  const annotations = entity.metadata.annotations ?? {};
  const keys = new Set<string>();
  for (const name of [
    'backstage.io/source-location',
    'backstage.io/managed-by-location',
  ]) {
    const value = annotations[name];
    if (value?.startsWith('url:')) {
      const key = repoKey(value);
      if (key) {
        keys.add(key);
      }
    }
  }
  const slugs: [string, string][] = [
    ['github.com/project-slug', 'github.com'],
    ['gitlab.com/project-slug', 'gitlab.com'],
  ];
  for (const [name, host] of slugs) {
    if (annotations[name]) {
      keys.add(`${host}/${annotations[name]}`.toLowerCase());
    }
  }
  return [...keys];
}

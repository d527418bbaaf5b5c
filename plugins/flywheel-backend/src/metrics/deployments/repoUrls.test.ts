import { entityRepoKeys, repoKey } from './repoUrls';

describe('repoKey', () => {
  it.each([
    ['https://github.com/acme/checkout', 'github.com/acme/checkout'],
    ['https://GitHub.com/Acme/Checkout.git', 'github.com/acme/checkout'],
    ['git@github.com:acme/checkout.git', 'github.com/acme/checkout'],
    ['ssh://git@github.com/acme/checkout', 'github.com/acme/checkout'],
    [
      'url:https://github.com/acme/checkout/tree/main/',
      'github.com/acme/checkout',
    ],
    [
      'https://gitlab.com/acme/team/checkout/-/tree/main',
      'gitlab.com/acme/team/checkout',
    ],
    [
      'https://ci-token@gitlab.example.com/acme/x.git?ref=1',
      'gitlab.example.com/acme/x',
    ],
  ])('%s → %s', (url, key) => {
    expect(repoKey(url)).toBe(key);
  });

  it('names no repository for a bare host or nothing', () => {
    expect(repoKey('https://github.com/')).toBeUndefined();
    expect(repoKey('')).toBeUndefined();
  });

  it('reads source location and project slugs of an entity', () => {
    expect(
      entityRepoKeys({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'checkout',
          annotations: {
            'backstage.io/source-location':
              'url:https://github.com/acme/checkout/tree/main/',
            'github.com/project-slug': 'acme/checkout-web',
            'backstage.io/managed-by-location': 'file:/tmp/catalog-info.yaml',
          },
        },
      }).sort(),
    ).toEqual(['github.com/acme/checkout', 'github.com/acme/checkout-web']);
  });
});

import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { createOncallFactProvider } from './oncallFacts';

const entity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {},
});

describe('example on-call fact provider', () => {
  const dir = createMockDirectory();

  it('serves the facts of the entities it knows, and nothing for the rest', async () => {
    dir.setContent({
      'oncall.yaml': [
        'services:',
        '  component:default/checkout:',
        '    rotation: true',
        '    pagesLast30d: 3',
      ].join('\n'),
    });
    const provider = createOncallFactProvider(dir.resolve('oncall.yaml'));
    const facts = await provider.getFacts(
      [entity('checkout'), entity('ledger')],
      { logger: {} as any },
    );
    expect(facts.get('component:default/checkout')).toEqual({
      rotation: true,
      pagesLast30d: 3,
    });
    expect(facts.has('component:default/ledger')).toBe(false);
  });
});

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { CatalogReader } from './CatalogReader';
import { conditionalCatalogRead } from '../__testUtils__/catalogViews';
import { EntityVisibility } from './EntityVisibility';

const CONDITIONAL = conditionalCatalogRead();

function setup(decision: PolicyDecision, options: { ttlMs?: number } = {}) {
  const pages: Entity[][] = [
    [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'Checkout', namespace: 'default' },
      },
    ],
    [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'payments', namespace: 'default' },
      },
    ],
  ];
  const streamEntities = jest.fn(async function* stream() {
    yield* pages;
  });
  const catalog = { streamEntities } as unknown as CatalogService;
  const authorizeConditional = jest.fn(async () => [decision]);
  let now = 0;
  const visibility = new EntityVisibility({
    catalog: new CatalogReader(catalog),
    permissions: mockServices.permissions.mock({
      authorizeConditional: authorizeConditional as any,
    }),
    kinds: ['component'],
    ttlMs: options.ttlMs,
    maxPrincipals: 2,
    now: () => now,
  });
  return {
    visibility,
    streamEntities,
    authorizeConditional,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('EntityVisibility', () => {
  it('reads nothing from the catalog when the policy lets the caller read every entity', async () => {
    const { visibility, streamEntities, authorizeConditional } = setup({
      result: AuthorizeResult.ALLOW,
    });
    const credentials = mockCredentials.user('user:default/ada');
    const visible = await visibility.visibleTo(credentials);
    expect(visible.all).toBe(true);
    expect(visible.has('component:default/anything')).toBe(true);
    expect(streamEntities).not.toHaveBeenCalled();
    expect(authorizeConditional).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'catalog.entity.read' }),
        },
      ],
      { credentials },
    );
  });

  it('sees nothing when the policy denies reading the catalog', async () => {
    const { visibility, streamEntities } = setup({
      result: AuthorizeResult.DENY,
    });
    const visible = await visibility.visibleTo(mockCredentials.user());
    expect(visible.all).toBe(false);
    expect(visible.has('component:default/checkout')).toBe(false);
    expect(streamEntities).not.toHaveBeenCalled();
  });

  it("under conditions, asks the catalog for refs only, with the caller's credentials", async () => {
    const { visibility, streamEntities } = setup(CONDITIONAL);
    const credentials = mockCredentials.user('user:default/ada');
    const visible = await visibility.visibleTo(credentials);
    expect(streamEntities).toHaveBeenCalledWith(
      {
        filter: { kind: ['component', 'group'] },
        pageSize: 1000,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    expect(visible.all).toBe(false);
    expect(visible.has('component:default/checkout')).toBe(true);
    expect(visible.has('Component:default/Checkout')).toBe(true);
    expect(visible.has('group:default/payments')).toBe(true);
    expect(visible.has('component:default/ledger')).toBe(false);
  });

  it('keeps an answer per principal for a while, bounded, and shares a read in flight', async () => {
    const { visibility, streamEntities, advance } = setup(CONDITIONAL, {
      ttlMs: 30_000,
    });
    const ada = mockCredentials.user('user:default/ada');
    const bob = mockCredentials.user('user:default/bob');
    await Promise.all([visibility.visibleTo(ada), visibility.visibleTo(ada)]);
    expect(streamEntities).toHaveBeenCalledTimes(1);
    await visibility.visibleTo(bob);
    expect(streamEntities).toHaveBeenCalledTimes(2);
    advance(29_000);
    await visibility.visibleTo(ada);
    expect(streamEntities).toHaveBeenCalledTimes(2);
    advance(2_000);
    await visibility.visibleTo(ada);
    expect(streamEntities).toHaveBeenCalledTimes(3);
    // At most two principals are kept: a third pushes out the oldest.
    await visibility.visibleTo(mockCredentials.user('user:default/cy'));
    await visibility.visibleTo(ada);
    await visibility.visibleTo(bob);
    expect(streamEntities).toHaveBeenCalledTimes(5);
  });
});

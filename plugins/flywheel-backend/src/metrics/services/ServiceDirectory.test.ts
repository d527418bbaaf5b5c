import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogReader } from '../../catalog/CatalogReader';
import { EntityVisibility } from '../../catalog/EntityVisibility';
import {
  catalogReadPermissions,
  catalogWithHiddenEntities,
} from '../../__testUtils__/catalogViews';
import { testEntities } from '../../__testUtils__/testCatalog';
import { ServiceCatalog } from './ServiceCatalog';
import { ServiceDirectory } from './ServiceDirectory';

const ADA = mockCredentials.user('user:default/ada'); // sees everything
const EVE = mockCredentials.user('user:default/eve');
const HIDDEN_FROM_EVE = [
  'component:default/checkout',
  'group:default/payments-core',
];

/** Golden-path origin from the template annotation, as the domain gives it. */
const insights = {
  async entityInsights() {
    return {
      origin: (entity: Entity) => {
        const templateRef =
          entity.metadata.annotations?.['flywheel.dev/template-ref'];
        return templateRef
          ? { isGoldenPath: true, templateRef }
          : { isGoldenPath: false };
      },
    } as any;
  },
};

function setup(entities: Entity[] = testEntities) {
  let now = 0;
  const reader = new CatalogReader(
    catalogWithHiddenEntities(entities, {
      'user:default/eve': HIDDEN_FROM_EVE,
    }),
  );
  const listComponents = jest.spyOn(reader, 'listComponents');
  const permissions = catalogReadPermissions({
    'user:default/eve': HIDDEN_FROM_EVE,
  });
  const catalog = new ServiceCatalog({
    catalog: reader,
    insights,
    auth: mockServices.auth(),
    ttlMs: 60_000,
    now: () => now,
  });
  const directory = new ServiceDirectory({
    catalog,
    visibility: new EntityVisibility({
      catalog: reader,
      permissions,
      kinds: ['component'],
    }),
  });
  const refs = async (
    scope: Parameters<ServiceDirectory['services']>[0],
    credentials = ADA,
  ) =>
    (await directory.services(scope, credentials))
      .map(s => s.entityRef.replace('component:default/', ''))
      .sort();
  return {
    directory,
    catalog,
    listComponents,
    refs,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ServiceDirectory', () => {
  it('narrows the shared snapshot to what the caller may see', async () => {
    const { refs } = await setup();
    expect(await refs({ kind: 'org' })).toHaveLength(8);
    expect(await refs({ kind: 'org' }, EVE)).not.toContain('checkout');
    expect(await refs({ kind: 'org' }, EVE)).toHaveLength(7);
    expect(
      await refs({ kind: 'goldenPath', ref: 'template:default/ts-service' }),
    ).toEqual(['checkout', 'ledger']);
    expect(
      await refs(
        { kind: 'goldenPath', ref: 'template:default/ts-service' },
        EVE,
      ),
    ).toEqual(['ledger']);
  });

  it('counts a team with its sub-teams, but not sub-teams the caller may not see', async () => {
    const { refs } = await setup();
    const payments = { kind: 'group', ref: 'group:default/payments' } as const;
    expect(await refs(payments)).toEqual([
      'checkout',
      'handmade',
      'ledger',
      'old-batch',
      'pay-web',
      'refunds',
    ]);
    // payments-core (ledger, refunds, handmade) is hidden from Eve, and so
    // is checkout.
    expect(await refs(payments, EVE)).toEqual(['old-batch', 'pay-web']);
  });

  it('answers 404 for an entity or group the caller may not see, as for one that does not exist', async () => {
    const { refs } = await setup();
    expect(
      await refs({ kind: 'entity', ref: 'component:default/Checkout' }),
    ).toEqual(['checkout']);
    for (const scope of [
      { kind: 'entity', ref: 'component:default/checkout' },
      { kind: 'entity', ref: 'component:default/nowhere' },
      { kind: 'group', ref: 'group:default/payments-core' },
      { kind: 'group', ref: 'group:default/nowhere' },
    ] as const) {
      await expect(refs(scope, EVE)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    }
  });

  it('gives the same list for the same scope, so what is derived from it is derived once', async () => {
    const { directory } = await setup();
    const team = { kind: 'group', ref: 'group:default/payments' } as const;
    expect(await directory.services(team, ADA)).toBe(
      await directory.services(team, ADA),
    );
    expect(await directory.services({ kind: 'org' }, ADA)).toBe(
      await directory.services({ kind: 'org' }, ADA),
    );
  });
});

describe('ServiceCatalog', () => {
  it('reads the catalog once a minute, serving the last snapshot while the next is read', async () => {
    const { catalog, listComponents, advance } = await setup();
    const first = await catalog.snapshot();
    advance(59_000);
    expect(await catalog.snapshot()).toBe(first);
    expect(listComponents).toHaveBeenCalledTimes(1);
    // Stale: served once more while the catalog is read again.
    advance(2_000);
    expect(await catalog.snapshot()).toBe(first);
    expect(listComponents).toHaveBeenCalledTimes(2);
    await new Promise(resolve => setTimeout(resolve, 10));
    // Nothing changed: the same snapshot, so what was derived from it stays.
    expect(await catalog.snapshot()).toBe(first);
    // A service goes; far too old (ten times the limit): waits for a fresh read.
    const read = CatalogReader.prototype.listComponents;
    listComponents.mockImplementation(async function fewer(
      this: CatalogReader,
      credentials,
    ) {
      return (await read.call(this, credentials)).slice(1);
    });
    advance(600_000);
    const second = await catalog.snapshot();
    expect(second).not.toBe(first);
    expect(second.services).toHaveLength(7);
    expect(listComponents).toHaveBeenCalledTimes(3);
    // A catalog change: read again once the snapshot is 5 s old.
    catalog.changed();
    advance(1_000);
    expect(await catalog.snapshot()).toBe(second);
    advance(4_000);
    expect(await catalog.snapshot()).toBe(second);
    expect(listComponents).toHaveBeenCalledTimes(4);
    // With the plugin's own credentials, not a caller's.
    expect(listComponents.mock.calls[0][0].principal).toMatchObject({
      type: 'service',
    });
  });
});

import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogReader } from '../../catalog/CatalogReader';
import { EntityVisibility } from '../../catalog/EntityVisibility';
import {
  catalogReadPermissions,
  catalogWithHiddenEntities,
} from '../../__testUtils__/catalogViews';
import { testEntities } from '../../__testUtils__/testCatalog';
import type { ServiceOriginSnapshot } from '../../interfaces/goldenPathInsights';
import { ServiceCatalog } from './ServiceCatalog';
import { ServiceDirectory } from './ServiceDirectory';

const ADA = mockCredentials.user('user:default/ada'); // sees everything
const EVE = mockCredentials.user('user:default/eve');
const HIDDEN_FROM_EVE = [
  'component:default/checkout',
  'group:default/payments-core',
];

/** Golden-path origin from the template annotation, as the domain gives it. */
function originOf(entity: Entity) {
  const templateRef =
    entity.metadata.annotations?.['flywheel.dev/template-ref'];
  return templateRef
    ? { isGoldenPath: true, templateRef }
    : { isGoldenPath: false };
}

function setup(entities: Entity[] = testEntities) {
  const reader = new CatalogReader(
    catalogWithHiddenEntities(entities, {
      'user:default/eve': HIDDEN_FROM_EVE,
    }),
  );
  const permissions = catalogReadPermissions({
    'user:default/eve': HIDDEN_FROM_EVE,
  });
  // The golden paths' snapshot: everything, as the plugin's own credentials
  // read it; the same object until `reread`.
  const service = mockCredentials.service();
  let source: Promise<ServiceOriginSnapshot> | undefined;
  const serviceOrigins = jest.fn(() => {
    source ??= (async () => {
      const components = await reader.listComponents(service);
      return {
        components: components.map(c => ({ ...c, origin: originOf(c.entity) })),
        graph: await reader.groupTree(service),
        fingerprint: '',
      };
    })();
    return source;
  });
  const catalog = new ServiceCatalog({ origins: { serviceOrigins } });
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
    refs,
    reread: () => {
      source = undefined;
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
  it('indexes each snapshot of the golden paths once, and another one again', async () => {
    const { catalog, reread } = setup();
    const first = await catalog.snapshot();
    expect(await catalog.snapshot()).toBe(first);
    expect(first.services).toHaveLength(8);
    expect(
      first.byTemplate
        .get('template:default/ts-service')
        ?.map(s => s.entityRef),
    ).toEqual(['component:default/checkout', 'component:default/ledger']);
    expect(first.byRef.get('component:default/pay-web')).toMatchObject({
      isGoldenPath: true,
      ownerRef: 'group:default/payments',
    });
    reread();
    expect(await catalog.snapshot()).not.toBe(first);
  });
});

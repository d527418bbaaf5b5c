import { Entity } from '@backstage/catalog-model';

const group = (
  name: string,
  parent?: string,
  children: string[] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', parent, children },
  relations: [
    ...children.map(c => ({
      type: 'parentOf',
      targetRef: `group:default/${c}`,
    })),
    ...(parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : []),
  ],
});

const template = (
  name: string,
  version: string | undefined,
  goldenPath: boolean,
): Entity => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name,
    namespace: 'default',
    title: `${name} title`,
    labels: goldenPath ? { 'flywheel.dev/golden-path': 'true' } : {},
    annotations: version ? { 'flywheel.dev/template-version': version } : {},
  },
  spec: { owner: 'group:default/platform', type: 'service', steps: [] },
});

const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: `group:default/${owner}`,
  },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

const fromPath = (path: string, version?: string, createdAt?: string) => ({
  'backstage.io/source-template': `template:default/${path}`,
  'flywheel.dev/template-ref': `template:default/${path}`,
  ...(version ? { 'flywheel.dev/template-version': version } : {}),
  ...(createdAt ? { 'flywheel.dev/created-at': createdAt } : {}),
});

/**
 * A small org: engineering → (payments → payments-core), platform.
 * Golden paths: ts-service (1.2.0), web-app (1.1.0); legacy-template is not one.
 */
export const testEntities: Entity[] = [
  group('engineering', undefined, ['payments', 'platform']),
  group('payments', 'engineering', ['payments-core']),
  group('payments-core', 'payments'),
  group('platform', 'engineering'),
  template('ts-service', '1.2.0', true),
  template('web-app', '1.1.0', true),
  template('legacy-template', '1.0.0', false),
  component(
    'checkout',
    'payments',
    fromPath('ts-service', '1.2.0', '2026-11-02T10:00:00Z'),
  ),
  component(
    'ledger',
    'payments-core',
    fromPath('ts-service', '1.0.0', '2026-09-15T08:00:00Z'),
  ),
  component('refunds', 'payments-core', {
    'backstage.io/source-template': 'template:default/ts-service',
  }),
  component(
    'pay-web',
    'payments',
    fromPath('web-app', '1.1.0', '2026-10-20T12:00:00Z'),
  ),
  component('old-batch', 'payments', {
    'backstage.io/source-template': 'template:default/legacy-template',
  }),
  component('handmade', 'payments-core'),
  component(
    'portal',
    'platform',
    fromPath('web-app', '1.0.0', '2025-01-01T00:00:00Z'),
  ),
  component('infra-tool', 'platform'),
];

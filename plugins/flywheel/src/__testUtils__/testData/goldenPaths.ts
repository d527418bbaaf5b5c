// Golden paths: the catalogue of templates, a team's adoption, provenance.
import {
  EntityProvenanceResponse,
  GoldenPathsResponse,
  GroupAdoptionResponse,
} from '@flywheel/plugin-flywheel-common';

const months = [
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
];

export const goldenPathsResponse: GoldenPathsResponse = {
  items: [
    {
      templateRef: 'template:default/typescript-service',
      name: 'typescript-service',
      title: 'TypeScript HTTP service',
      description: 'The recommended way to start a backend service at Acme.',
      owner: 'group:default/platform-devex',
      type: 'service',
      tags: ['typescript', 'service', 'recommended'],
      version: '1.2.0',
      changelog:
        '## 1.2.0 (2026-07-13)\n- Added: Dockerfile `HEALTHCHECK`.\n\n## 1.1.0 (2026-03-09)\n- Added: TechDocs.',
      servicesCreated: 6,
      adoptionPercent: 42.9,
      runs: { total: 14, succeeded: 13, failed: 1, successRate: 13 / 14 },
      medianCreationSeconds: 125,
      drifted: [
        {
          entityRef: 'component:default/checkout-api',
          title: 'Checkout API',
          owner: 'group:default/payments',
          templateRef: 'template:default/typescript-service',
          templateVersion: '1.0.0',
          createdAt: '2025-11-20T10:00:00Z',
          drifted: true,
        },
      ],
      creationsByMonth: months.map((month, i) => ({
        month,
        count: [0, 0, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1][i],
      })),
    },
    {
      templateRef: 'template:default/react-webapp',
      name: 'react-webapp',
      title: 'React web app',
      description: 'A single-page web app with the Acme design system.',
      owner: 'group:default/platform-devex',
      type: 'website',
      tags: ['react'],
      version: '2.0.0',
      servicesCreated: 2,
      adoptionPercent: 14.3,
      runs: { total: 0, succeeded: 0, failed: 0, successRate: null },
      medianCreationSeconds: null,
      drifted: [],
      creationsByMonth: months.map(month => ({ month, count: 0 })),
    },
  ],
  totals: { components: 14, fromGoldenPaths: 8, adoptionPercent: 57.1 },
};

export const emptyGoldenPathsResponse: GoldenPathsResponse = {
  items: [],
  totals: { components: 14, fromGoldenPaths: 0, adoptionPercent: 0 },
};

export const paymentsAdoption: GroupAdoptionResponse = {
  groupRef: 'group:default/payments',
  groupRefs: ['group:default/payments', 'group:default/payments-core'],
  totalComponents: 3,
  fromGoldenPaths: 2,
  adoptionPercent: 66.7,
  paths: [
    {
      templateRef: 'template:default/typescript-service',
      title: 'TypeScript HTTP service',
      count: 2,
      percent: 66.7,
    },
    {
      templateRef: 'template:default/react-webapp',
      title: 'React web app',
      count: 0,
      percent: 0,
    },
  ],
  components: [
    {
      entityRef: 'component:default/checkout-api',
      title: 'Checkout API',
      owner: 'group:default/payments',
      templateRef: 'template:default/typescript-service',
      templateVersion: '1.0.0',
      drifted: true,
    },
    {
      entityRef: 'component:default/legacy-billing',
      title: 'Legacy billing',
      owner: 'group:default/payments-core',
      drifted: false,
    },
    {
      entityRef: 'component:default/payments-gateway',
      title: 'Payments gateway',
      owner: 'group:default/payments-core',
      templateRef: 'template:default/typescript-service',
      templateVersion: '1.2.0',
      drifted: false,
    },
  ],
};

export const driftedProvenance: EntityProvenanceResponse = {
  entityRef: 'component:default/checkout-api',
  fromTemplate: true,
  templateRef: 'template:default/typescript-service',
  isGoldenPath: true,
  templateTitle: 'TypeScript HTTP service',
  templateVersion: '1.0.0',
  currentVersion: '1.2.0',
  drifted: true,
  createdAt: '2025-11-20T10:00:00Z',
};

export const upToDateProvenance: EntityProvenanceResponse = {
  ...driftedProvenance,
  entityRef: 'component:default/payments-gateway',
  templateVersion: '1.2.0',
  drifted: false,
  createdAt: '2026-07-14T08:00:00Z',
};

export const handMadeProvenance: EntityProvenanceResponse = {
  entityRef: 'component:default/legacy-billing',
  fromTemplate: false,
  isGoldenPath: false,
  drifted: false,
};

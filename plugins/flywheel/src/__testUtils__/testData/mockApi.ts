import { FlywheelApi } from '../../api';
import {
  driftedProvenance,
  goldenPathsResponse,
  paymentsAdoption,
} from './goldenPaths';
import {
  approvedExemption,
  checkoutResults,
  pendingExemption,
  refreshedCheckoutResults,
  scorecardsResponse,
} from './scorecards';
import {
  catalogRollup,
  commerceEntities,
  commerceRollup,
  entityHistory,
  goldenPathLeaderboard,
  groupHistory,
} from './rollups';
import {
  leadTimeComparison,
  metricDefinitions,
  metricSeriesById,
  metricsResponse,
  untestedComparison,
  usageByPlugin,
  usageByRoute,
} from './metrics';
import {
  capabilitiesResponse,
  ciDetail,
  ciHistory,
  ciPromotion,
  docsAttestation,
  designWaiver,
  maturityHistory,
  maturityModels,
  outcomesResponse,
} from './maturity';
import {
  campaignsResponse,
  checkoutMemberships,
  commerceMemberships,
  techdocsCampaign,
  techdocsItems,
  techdocsProgress,
  techdocsTeams,
  typescriptPathCampaign,
} from './campaigns';

/** A FlywheelApi whose methods are jest mocks; pass overrides per test. */
export function mockFlywheelApi(
  overrides: Partial<FlywheelApi> = {},
): jest.Mocked<FlywheelApi> {
  return {
    getGoldenPaths: jest.fn().mockResolvedValue(goldenPathsResponse),
    getGroupAdoption: jest.fn().mockResolvedValue(paymentsAdoption),
    getEntityProvenance: jest.fn().mockResolvedValue(driftedProvenance),
    getScorecards: jest.fn().mockResolvedValue(scorecardsResponse),
    getEntityScorecardResults: jest.fn().mockResolvedValue(checkoutResults),
    refreshEntityScorecards: jest
      .fn()
      .mockResolvedValue(refreshedCheckoutResults),
    getScorecardRollup: jest
      .fn()
      .mockImplementation(async (groupRef?: string) =>
        groupRef === undefined ? catalogRollup : commerceRollup,
      ),
    getScorecardLeaderboard: jest.fn().mockResolvedValue(goldenPathLeaderboard),
    getScorecardHistory: jest
      .fn()
      .mockImplementation(async ({ scope }: { scope: string }) =>
        scope === 'entity' ? entityHistory : { ...groupHistory, scope },
      ),
    getScorecardEntities: jest.fn().mockResolvedValue(commerceEntities),
    exportScorecardEntitiesCsv: jest
      .fn()
      .mockResolvedValue(
        new Blob(['entityRef,owner\r\n'], { type: 'text/csv' }),
      ),
    getScorecardExemptions: jest
      .fn()
      .mockResolvedValue({ items: [pendingExemption, approvedExemption] }),
    requestScorecardExemption: jest.fn().mockResolvedValue(pendingExemption),
    decideScorecardExemption: jest.fn().mockResolvedValue({
      ...pendingExemption,
      status: 'approved',
    }),
    revokeScorecardExemption: jest.fn().mockResolvedValue({
      ...approvedExemption,
      status: 'revoked',
    }),
    getMetrics: jest.fn().mockResolvedValue(metricsResponse),
    getMetricSeries: jest.fn().mockImplementation(metricSeriesById),
    exportMetricSeriesCsv: jest
      .fn()
      .mockResolvedValue(
        new Blob(['start,end,value,unit,sampleSize\r\n'], { type: 'text/csv' }),
      ),
    getMetricComparison: jest
      .fn()
      .mockImplementation(async (metricId: string) =>
        metricId === leadTimeComparison.metric.id
          ? leadTimeComparison
          : {
              ...untestedComparison,
              metric:
                metricDefinitions.find(m => m.id === metricId) ??
                untestedComparison.metric,
            },
      ),
    getUsageBreakdown: jest
      .fn()
      .mockImplementation(async (query?: { by?: string }) =>
        query?.by === 'route' ? usageByRoute : usageByPlugin,
      ),
    getMaturityCapabilities: jest.fn().mockResolvedValue(capabilitiesResponse),
    getMaturityCapability: jest.fn().mockResolvedValue(ciDetail),
    getMaturityCapabilityHistory: jest.fn().mockResolvedValue(ciHistory),
    exportMaturityCapabilityHistoryCsv: jest
      .fn()
      .mockResolvedValue(new Blob(['at,capability\r\n'], { type: 'text/csv' })),
    transitionMaturityCapability: jest.fn().mockResolvedValue(ciPromotion),
    attestMaturityCriterion: jest.fn().mockResolvedValue(docsAttestation),
    waiveMaturityCriterion: jest.fn().mockResolvedValue(designWaiver),
    getMaturityHistory: jest.fn().mockResolvedValue(maturityHistory),
    exportMaturityHistoryCsv: jest
      .fn()
      .mockResolvedValue(new Blob(['at,capability\r\n'], { type: 'text/csv' })),
    getMaturityModels: jest.fn().mockResolvedValue(maturityModels),
    getOutcomes: jest.fn().mockResolvedValue(outcomesResponse),
    setOutcomeTarget: jest
      .fn()
      .mockImplementation(async (_key: string, value: number) => ({
        value,
        source: 'ui',
        setBy: 'user:default/pm',
        setAt: '2026-11-23T08:00:00.000Z',
      })),
    resetOutcomeTarget: jest.fn().mockResolvedValue(undefined),
    listCampaigns: jest.fn().mockResolvedValue(campaignsResponse),
    getCampaign: jest
      .fn()
      .mockImplementation(
        async (id: string) =>
          campaignsResponse.items.find(c => c.id === id) ?? techdocsCampaign,
      ),
    createCampaign: jest.fn().mockImplementation(async definition => ({
      ...techdocsCampaign,
      ...definition,
      state: 'running',
    })),
    closeCampaign: jest
      .fn()
      .mockImplementation(async (id: string, note?: string) => ({
        ...techdocsCampaign,
        id,
        state: 'closed',
        closedAt: typescriptPathCampaign.closedAt,
        closedBy: typescriptPathCampaign.closedBy,
        ...(note ? { closeNote: note } : {}),
      })),
    getCampaignProgress: jest.fn().mockResolvedValue(techdocsProgress),
    getCampaignTeams: jest.fn().mockResolvedValue(techdocsTeams),
    getCampaignItems: jest.fn().mockResolvedValue(techdocsItems),
    getCampaignMemberships: jest
      .fn()
      .mockImplementation(async (query: { entityRef?: string }) =>
        query.entityRef ? checkoutMemberships : commerceMemberships,
      ),
    ...overrides,
  } as jest.Mocked<FlywheelApi>;
}

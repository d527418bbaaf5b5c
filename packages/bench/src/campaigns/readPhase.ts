import {
  BenchBackend,
  BenchCall,
  LoadResult,
  log,
  pad,
  Profile,
  runLoad,
  withEventLoopBusy,
} from '../harness';
import {
  ENDPOINT_PATH,
  ENDPOINTS,
  Endpoint,
  CampaignsDbResult,
} from './results';

const PATHS: Record<Endpoint, (id: string) => string> = {
  campaign: id => `/api/flywheel/campaigns/${id}`,
  progress: id => `/api/flywheel/campaigns/${id}/progress`,
  teams: id => `/api/flywheel/campaigns/${id}/teams`,
  items: id => `/api/flywheel/campaigns/${id}/items?state=open&limit=100`,
};

const describe = (r: LoadResult) =>
  `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(
    1,
  )} ms, ${Math.round(r.rps)}/s over ${r.requests} requests, ${
    r.errors
  } errors${
    r.eventLoopBusy === undefined
      ? ''
      : `, event loop ${Math.round(r.eventLoopBusy * 100)}% busy`
  }`;

/**
 * The campaign page's reads under load: each endpoint alone, over both
 * campaigns in turn, by `readers` people (each with their own user token)
 * as closed-loop clients for `seconds`; before each, one client for
 * context; last, the four requests of a page interleaved.
 */
export async function runReadLoads(
  backend: BenchBackend,
  options: {
    campaignIds: string[];
    readers: number;
    seconds: number;
    profile: Profile;
  },
): Promise<CampaignsDbResult['http']> {
  const { campaignIds, readers, profile } = options;
  const tokens = Array.from({ length: readers }, (_, i) =>
    backend.tokens.issue(`user:default/bench-reader-${pad(i, 2)}`),
  );
  // Reader i asks for campaign i mod 2: both campaigns, every reader.
  const calls = (endpoints: readonly Endpoint[]): BenchCall[] =>
    Array.from({ length: readers * campaignIds.length }, (_, i) =>
      endpoints.map(
        (endpoint): BenchCall => ({
          method: 'GET',
          path: PATHS[endpoint](campaignIds[i % campaignIds.length]),
          token: tokens[i % readers],
        }),
      ),
    ).flat();
  const single = {} as Record<Endpoint, LoadResult>;
  const loaded = {} as Record<Endpoint, LoadResult>;
  for (const endpoint of ENDPOINTS) {
    single[endpoint] = await runLoad({
      name: `${ENDPOINT_PATH[endpoint]}, one client`,
      baseUrl: backend.baseUrl,
      clients: 1,
      warmup: 10,
      requests: 100,
      calls: calls([endpoint]),
    });
    loaded[endpoint] = await withEventLoopBusy(() =>
      profile(`load-${endpoint}`, () =>
        runLoad({
          name: ENDPOINT_PATH[endpoint],
          baseUrl: backend.baseUrl,
          clients: readers,
          warmup: 40,
          durationMs: options.seconds * 1000,
          calls: calls([endpoint]),
        }),
      ),
    );
    log(
      `${ENDPOINT_PATH[endpoint]}: one client p50 ${single[
        endpoint
      ].p50.toFixed(1)} ms; ${readers} readers: ${describe(loaded[endpoint])}`,
    );
  }
  const page = await withEventLoopBusy(() =>
    runLoad({
      name: 'campaign page (the four requests)',
      baseUrl: backend.baseUrl,
      clients: readers,
      warmup: 40,
      durationMs: options.seconds * 1000,
      calls: calls(ENDPOINTS),
    }),
  );
  log(`campaign page, the four requests interleaved: ${describe(page)}`);
  return { single, loaded, page };
}

import {
  Campaign,
  CampaignDefinition,
  CampaignItemsResponse,
  CampaignMembershipsResponse,
  CampaignMemberState,
  CampaignProgressResponse,
  CampaignsResponse,
  CampaignTeamsResponse,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelHttp } from './FlywheelHttp';

/**
 * Which campaigns `listCampaigns` returns: `open` (not closed), `closed`, or
 * `all` (the backend's default).
 *
 * @public
 */
export type CampaignListState = 'open' | 'closed' | 'all';

/**
 * Which of a campaign's to-do items to list: one state (the backend's
 * default is `open`) or `all`, optionally of one team's subtree, a page at a
 * time.
 *
 * @public
 */
export interface CampaignItemsQuery {
  state?: CampaignMemberState | 'all';
  /** Only the entities owned by this group or a team below it. */
  groupRef?: string;
  /** 1–1000; the backend's default is 100. */
  limit?: number;
  offset?: number;
}

/**
 * Whose campaigns `getCampaignMemberships` returns: an entity's (with its
 * to-do item) or a team's (with the team's counts over its subtree).
 *
 * @public
 */
export type CampaignMembershipsQuery =
  | { entityRef: string; groupRef?: never }
  | { groupRef: string; entityRef?: never };

/**
 * Campaigns: time-bound pushes that bring a cohort of catalog entities to a
 * goal by a deadline, their progress (burn-up, projection, per team) and
 * to-do items. Reads need `flywheel.campaigns.read`; creating and closing
 * need `flywheel.campaigns.manage`. Counts cover the entities the caller may
 * see in the catalog.
 *
 * @public
 */
export interface CampaignsApi {
  /** Every campaign, soonest deadline first, with its progress. */
  listCampaigns(state?: CampaignListState): Promise<CampaignsResponse>;

  /** One campaign with its progress. */
  getCampaign(campaignId: string): Promise<Campaign>;

  /**
   * Creates a campaign and evaluates its cohort at once. A definition the
   * backend refuses (an unknown scorecard, a deadline in the past, a taken
   * id) fails with a 400 or 409 whose message says what to fix.
   */
  createCampaign(definition: CampaignDefinition): Promise<Campaign>;

  /** Closes (archives) a campaign, with an optional note. */
  closeCampaign(campaignId: string, note?: string): Promise<Campaign>;

  /**
   * The burn-up (entities meeting the goal per day), the ideal line and the
   * projected completion; `withheld` instead of the days for a caller who
   * may not see every entity of the cohort.
   */
  getCampaignProgress(campaignId: string): Promise<CampaignProgressResponse>;

  /** Progress per team along the group hierarchy, own entities and subtree. */
  getCampaignTeams(campaignId: string): Promise<CampaignTeamsResponse>;

  /** The cohort's entities in a state, a page at a time. */
  getCampaignItems(
    campaignId: string,
    query?: CampaignItemsQuery,
  ): Promise<CampaignItemsResponse>;

  /** The campaigns an entity, or a team's subtree, is part of. */
  getCampaignMemberships(
    query: CampaignMembershipsQuery,
  ): Promise<CampaignMembershipsResponse>;
}

function campaignPath(campaignId: string, below = ''): string {
  return `/campaigns/${encodeURIComponent(campaignId)}${below}`;
}

/** CampaignsApi over the Flywheel backend. */
export class CampaignsClient implements CampaignsApi {
  constructor(private readonly http: FlywheelHttp) {}

  listCampaigns(state?: CampaignListState): Promise<CampaignsResponse> {
    return this.http.get('/campaigns', { state });
  }

  getCampaign(campaignId: string): Promise<Campaign> {
    return this.http.get(campaignPath(campaignId));
  }

  createCampaign(definition: CampaignDefinition): Promise<Campaign> {
    return this.http.post('/campaigns', definition);
  }

  closeCampaign(campaignId: string, note?: string): Promise<Campaign> {
    return this.http.post(
      campaignPath(campaignId, '/close'),
      note === undefined ? {} : { note },
    );
  }

  getCampaignProgress(campaignId: string): Promise<CampaignProgressResponse> {
    return this.http.get(campaignPath(campaignId, '/progress'));
  }

  getCampaignTeams(campaignId: string): Promise<CampaignTeamsResponse> {
    return this.http.get(campaignPath(campaignId, '/teams'));
  }

  getCampaignItems(
    campaignId: string,
    query: CampaignItemsQuery = {},
  ): Promise<CampaignItemsResponse> {
    return this.http.get(campaignPath(campaignId, '/items'), { ...query });
  }

  getCampaignMemberships(
    query: CampaignMembershipsQuery,
  ): Promise<CampaignMembershipsResponse> {
    return this.http.get('/campaigns/memberships', {
      entityRef: query.entityRef,
      groupRef: query.groupRef,
    });
  }
}

import { CampaignDefinition } from '@flywheel/plugin-flywheel-common';
import { baseUrl, jsonResponse, setup } from '../__testUtils__/clientFixtures';
import {
  campaignsResponse,
  checkoutMemberships,
  commerceMemberships,
  techdocsCampaign,
  techdocsItems,
  techdocsProgress,
  techdocsTeams,
} from '../__testUtils__/testData';

const JSON_POST = {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
};

describe('FlywheelClient', () => {
  describe('campaigns', () => {
    it('lists the campaigns, all or in one state', async () => {
      const { client, fetch } = setup(jsonResponse(campaignsResponse));

      await expect(client.listCampaigns()).resolves.toEqual(campaignsResponse);
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/campaigns`);

      fetch.mockResolvedValue(jsonResponse(campaignsResponse));
      await client.listCampaigns('closed');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns?state=closed`,
      );
    });

    it('gets one campaign and its progress, teams and items, the id one encoded segment', async () => {
      const { client, fetch } = setup(jsonResponse(techdocsCampaign));

      await expect(client.getCampaign('techdocs-everywhere')).resolves.toEqual(
        techdocsCampaign,
      );
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns/techdocs-everywhere`,
      );

      fetch.mockResolvedValue(jsonResponse(techdocsProgress));
      await expect(
        client.getCampaignProgress('techdocs-everywhere'),
      ).resolves.toEqual(techdocsProgress);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns/techdocs-everywhere/progress`,
      );

      fetch.mockResolvedValue(jsonResponse(techdocsTeams));
      await expect(
        client.getCampaignTeams('techdocs-everywhere'),
      ).resolves.toEqual(techdocsTeams);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns/techdocs-everywhere/teams`,
      );

      fetch.mockResolvedValue(jsonResponse(techdocsCampaign));
      await client.getCampaign('a/b?c');
      expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/campaigns/a%2Fb%3Fc`);
    });

    it('lists the to-do items with their filters and page in the query string', async () => {
      const { client, fetch } = setup(jsonResponse(techdocsItems));

      await expect(
        client.getCampaignItems('techdocs-everywhere', {
          state: 'all',
          groupRef: 'group:default/commerce',
          limit: 20,
          offset: 40,
        }),
      ).resolves.toEqual(techdocsItems);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns/techdocs-everywhere/items?state=all&groupRef=group%3Adefault%2Fcommerce&limit=20&offset=40`,
      );

      fetch.mockResolvedValue(jsonResponse(techdocsItems));
      await client.getCampaignItems('techdocs-everywhere');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns/techdocs-everywhere/items`,
      );
    });

    it("lists an entity's or a team's campaigns", async () => {
      const { client, fetch } = setup(jsonResponse(checkoutMemberships));

      await expect(
        client.getCampaignMemberships({
          entityRef: 'component:default/checkout-api',
        }),
      ).resolves.toEqual(checkoutMemberships);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns/memberships?entityRef=component%3Adefault%2Fcheckout-api`,
      );

      fetch.mockResolvedValue(jsonResponse(commerceMemberships));
      await expect(
        client.getCampaignMemberships({ groupRef: 'group:default/commerce' }),
      ).resolves.toEqual(commerceMemberships);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns/memberships?groupRef=group%3Adefault%2Fcommerce`,
      );
    });

    it('creates a campaign from its definition', async () => {
      const { client, fetch } = setup(jsonResponse(techdocsCampaign, 201));
      const definition: CampaignDefinition = {
        id: 'techdocs-everywhere',
        title: 'TechDocs everywhere',
        description: 'Every service publishes its documentation.',
        ownerRef: 'group:default/platform',
        cohort: { kinds: ['Component'] },
        goal: {
          type: 'check',
          scorecardId: 'golden-path-adoption',
          checkId: 'has-techdocs',
        },
        startsAt: '2026-10-01',
        deadline: '2026-12-31',
      };

      await expect(client.createCampaign(definition)).resolves.toEqual(
        techdocsCampaign,
      );
      expect(fetch).toHaveBeenCalledWith(`${baseUrl}/campaigns`, {
        ...JSON_POST,
        body: JSON.stringify(definition),
      });
    });

    it('closes a campaign with a note, or without', async () => {
      const closed = { ...techdocsCampaign, state: 'closed' };
      const { client, fetch } = setup(jsonResponse(closed));

      await expect(
        client.closeCampaign('techdocs-everywhere', 'Done for the year'),
      ).resolves.toEqual(closed);
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns/techdocs-everywhere/close`,
        { ...JSON_POST, body: JSON.stringify({ note: 'Done for the year' }) },
      );

      fetch.mockResolvedValue(jsonResponse(closed));
      await client.closeCampaign('techdocs-everywhere');
      expect(fetch).toHaveBeenLastCalledWith(
        `${baseUrl}/campaigns/techdocs-everywhere/close`,
        { ...JSON_POST, body: '{}' },
      );
    });

    it("throws the backend's 400 with its message", async () => {
      const { client } = setup(
        jsonResponse(
          {
            error: {
              name: 'InputError',
              message: 'deadline must be in the future',
            },
            request: { method: 'POST', url: '/campaigns' },
            response: { statusCode: 400 },
          },
          400,
        ),
      );

      const error = await client
        .createCampaign({} as CampaignDefinition)
        .catch(e => e);
      expect(error.statusCode).toBe(400);
      expect(error.cause.message).toBe('deadline must be in the future');
    });
  });
});

import { useRouteRef } from '@backstage/core-plugin-api';
import { campaignRouteRef, campaignsRouteRef } from '../routes';

/**
 * Links to a campaign's page on the Campaigns tab, optionally with the to-do
 * items of one team; undefined when the app has no Flywheel page to link to
 * (a legacy app that places the cards but not the page).
 */
export function useCampaignLink():
  | ((campaignId: string, options?: { groupRef?: string }) => string)
  | undefined {
  let route: ((params: { campaignId: string }) => string) | undefined;
  try {
    // Throws in a legacy app without the page. It is called on every render
    // all the same, and every hook inside it runs before it throws, so the
    // order of hooks never changes; the rule only sees the try.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(campaignRouteRef);
  } catch {
    route = undefined;
  }
  if (!route) {
    return undefined;
  }
  const link = route;
  return (campaignId, options) => {
    const path = link({ campaignId });
    return options?.groupRef
      ? `${path}?${new URLSearchParams({ groupRef: options.groupRef })}`
      : path;
  };
}

/** The Campaigns tab, or undefined without the Flywheel page. */
export function useCampaignsLink(): string | undefined {
  let route: (() => string) | undefined;
  try {
    // As in useCampaignLink.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(campaignsRouteRef);
  } catch {
    route = undefined;
  }
  return route?.();
}

/** Where the campaigns docs are. */
export const CAMPAIGNS_DOCS_URL =
  'https://github.com/flywheel-dev/flywheel/blob/main/docs/campaigns.md';

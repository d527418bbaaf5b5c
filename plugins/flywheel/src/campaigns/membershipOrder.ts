import { Campaign } from '@flywheel/plugin-flywheel-common';
import { splitCampaigns } from './campaignFormat';

/** Memberships in the list's order: active campaigns first, closed ones last. */
export function byCampaignOrder<T extends { campaign: Campaign }>(
  items: T[],
): T[] {
  const { active, closed } = splitCampaigns(items.map(i => i.campaign));
  const rank = new Map([...active, ...closed].map((c, i) => [c.id, i]));
  return [...items].sort(
    (a, b) => (rank.get(a.campaign.id) ?? 0) - (rank.get(b.campaign.id) ?? 0),
  );
}

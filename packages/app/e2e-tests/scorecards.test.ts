import { expect, test } from '@playwright/test';
import { guestToken, signInAsGuest, waitForCatalog } from './helpers';

// The journey of the scorecards issue: a team lead opens the team scorecard
// with sub-teams rolled up, drills into a service's failing check, requests
// an exemption, a platform PM approves it, and the service's level goes up.
// (The guest is both people here: the example instance allows everything.)

const TEAM = '/catalog/default/group/commerce/team-scorecard';
const SERVICE = '/catalog/default/component/checkout-api/scorecards';
const CHECK = 'On the current golden-path version';

test('a team lead drills into a failing check and an approved exemption lifts the level', async ({
  page,
  request,
}) => {
  await waitForCatalog(request);
  // Scorecards follow the catalog's first ingestion through change events
  // (and the scheduled run): wait until the team's numbers settle.
  const token = await guestToken(request);
  let last = -1;
  let stableSince = Date.now();
  await expect
    .poll(
      async () => {
        const res = await request.get(
          '/api/flywheel/scorecards/rollup?groupRef=group:default/commerce&scorecardId=golden-path-adoption',
          { headers: { authorization: `Bearer ${token}` } },
        );
        const count = res.ok() ? (await res.json()).rollups[0].entityCount : 0;
        if (count !== last) {
          last = count;
          stableSince = Date.now();
        }
        return count > 0 && Date.now() - stableSince >= 15_000;
      },
      { timeout: 150_000, intervals: [2_000] },
    )
    .toBe(true);

  await signInAsGuest(page);
  await page.goto(TEAM);
  const bySubTeam = page.getByRole('region', { name: 'Checks by sub-team' });
  await expect(bySubTeam).toBeVisible();
  await expect(bySubTeam).toContainText('Checkout');
  await expect(bySubTeam).toContainText('Payments Core');
  await expect(
    page.getByRole('region', { name: 'What to fix first' }),
  ).toContainText(CHECK);

  // Drill into a service that is held back by the failing check.
  await page
    .getByRole('region', { name: 'Entity results' })
    .getByRole('link', { name: 'checkout-api', exact: true })
    .click();
  await expect(page).toHaveURL(/checkout-api\/scorecards/);
  const card = page.getByRole('region', {
    name: 'Golden path adoption',
    exact: true,
  });
  await expect(card).toContainText('Level: Silver');

  await card
    .getByRole('button', { name: `Request exemption: ${CHECK}`, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Request an exemption' });
  await dialog
    .getByRole('textbox', { name: /Justification/ })
    .fill('Frozen for the Q1 migration; upgrading after the cut-over.');
  await dialog
    .getByRole('button', { name: 'Request exemption', exact: true })
    .click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('region', { name: 'Exemptions', exact: true }),
  ).toContainText(/pending/i);

  // The platform PM approves it from the team page.
  await page.goto(TEAM);
  const pending = page.getByRole('region', {
    name: 'Exemptions waiting for a decision',
  });
  await pending
    .getByRole('button', {
      name: `Approve exemption: ${CHECK} (Golden path adoption) for component:default/checkout-api`,
    })
    .click();
  await expect(pending).not.toContainText('checkout-api');

  // The service reaches the next level at once.
  await page.goto(SERVICE);
  await expect(
    page.getByRole('region', { name: 'Golden path adoption', exact: true }),
  ).toContainText('Level: Gold');
});

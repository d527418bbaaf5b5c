import { expect, test } from '@playwright/test';
import { guestToken, signInAsGuest, waitForCatalog } from './helpers';

// The journey of the scorecards issue: a team lead opens the team scorecard
// with sub-teams rolled up and drills into a service's failing check; a
// developer of the owning team has asked for an exemption from it (the demo
// seeds that request of Liam O'Brien, checkout), the platform team approves
// it and the service's level goes up. The guest is in the platform team,
// which the example's permission policy (packages/backend/src/modules/
// permissionPolicy.ts) lets decide exemptions, but never its own requests.

const TEAM = '/catalog/default/group/commerce/team-scorecard';
const SERVICE = '/catalog/default/component/checkout-api/scorecards';
const OTHER_SERVICE = '/catalog/default/component/fraud-scoring/scorecards';
const CHECK = 'On the current golden-path version';
const SCORECARD = 'Golden path adoption';
/** The seeded request (packages/backend/src/modules/demoExemptions.ts). */
const SEEDED = 'has to wait for the payment SDK';
/** Why the guest may not decide their own request, under a conditional policy. */
const NOT_YOURS = 'You requested this exemption; someone else decides on it';

test('a team lead drills into a failing check and an approved exemption lifts the level', async ({
  page,
  request,
}) => {
  await waitForCatalog(request);
  // Scorecards follow the catalog's first ingestion through change events
  // (and the scheduled run): wait until the team's numbers settle.
  const token = await guestToken(request);
  const api = (path: string) =>
    request.get(`/api/flywheel/scorecards/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  let last = -1;
  let stableSince = Date.now();
  await expect
    .poll(
      async () => {
        const res = await api(
          'rollup?groupRef=group:default/commerce&scorecardId=golden-path-adoption',
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
  // The demo's request is there, and the guest may decide it.
  await expect
    .poll(
      async () => {
        const res = await api(
          'exemptions?groupRef=group:default/commerce&status=pending',
        );
        return res.ok()
          ? ((await res.json()).items as Record<string, unknown>[])
              .filter(e => e.requestedBy === 'user:default/liam.obrien')
              .map(e => ({ entityRef: e.entityRef, canDecide: e.canDecide }))
          : [];
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toEqual([
      { entityRef: 'component:default/checkout-api', canDecide: true },
    ]);

  await signInAsGuest(page);
  await page.goto(TEAM);
  const bySubTeam = page.getByRole('region', { name: 'Checks by sub-team' });
  await expect(bySubTeam).toBeVisible();
  await expect(bySubTeam).toContainText('Checkout');
  await expect(bySubTeam).toContainText('Payments Core');
  await expect(
    page.getByRole('region', { name: 'What to fix first' }),
  ).toContainText(CHECK);

  // Drill into a service that is held back by the failing check: its owners
  // have asked for an exemption.
  await page
    .getByRole('region', { name: 'Entity results' })
    .getByRole('link', { name: 'checkout-api', exact: true })
    .click();
  await expect(page).toHaveURL(/checkout-api\/scorecards/);
  const card = page.getByRole('region', { name: SCORECARD, exact: true });
  await expect(card).toContainText('Level: Silver');
  await expect(card).toContainText(/Exemption requested on .*, waiting/);
  const exemptions = page.getByRole('region', {
    name: 'Exemptions',
    exact: true,
  });
  await expect(exemptions).toContainText(SEEDED);
  await expect(exemptions).toContainText(/pending/i);

  // The guest, of the platform team, approves it from the team page.
  await page.goto(TEAM);
  const pending = page.getByRole('region', {
    name: 'Exemptions waiting for a decision',
  });
  await expect(pending).toContainText(SEEDED);
  await pending
    .getByRole('button', {
      name: `Approve exemption: ${CHECK} (${SCORECARD}) for component:default/checkout-api`,
    })
    .click();
  await expect(pending).not.toContainText('checkout-api');

  // The service reaches the next level at once.
  await page.goto(SERVICE);
  await expect(
    page.getByRole('region', { name: SCORECARD, exact: true }),
  ).toContainText('Level: Gold');

  // The guest's own request for another service: someone else decides it.
  await page.goto(OTHER_SERVICE);
  const other = page.getByRole('region', { name: SCORECARD, exact: true });
  await other
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
  const own = page.getByRole('region', { name: 'Exemptions', exact: true });
  await expect(own).toContainText(/pending/i);
  await expect(own).toContainText(NOT_YOURS);
  await expect(own.getByRole('button', { name: /^Approve/ })).toHaveCount(0);

  // The team page lists it as waiting, without buttons for the guest.
  await page.goto(TEAM);
  await expect(pending).toContainText('fraud-scoring');
  await expect(pending).toContainText(NOT_YOURS);
  await expect(
    pending.getByRole('button', {
      name: `Approve exemption: ${CHECK} (${SCORECARD}) for component:default/fraud-scoring`,
    }),
  ).toHaveCount(0);
  await expect(pending.getByRole('button', { name: /^Reject/ })).toHaveCount(0);
});

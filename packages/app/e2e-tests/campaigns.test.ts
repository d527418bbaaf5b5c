import { expect, test } from '@playwright/test';
import {
  dismissSurveyPrompts,
  guestToken,
  signInAsGuest,
  waitForCatalog,
} from './helpers';

// The journey of the campaigns issue: the guest (of platform-devex, a
// platform team, so a campaign manager under the example policy) reads the
// campaigns, creates one in the UI, then as a developer opens the running
// campaign's to-do items of their team, starts the onboarding of their
// hand-made service (the adopt-the-path template, the service filled in),
// and the campaign counts it as met. The demo seeds the campaigns
// (packages/backend/src/modules/demoCampaigns.ts) and the hand-made
// services (demoLegacyServices.ts).

const RUNNING = 'typescript-path-1-2';
const SERVICE = 'release-notes-service';
const TEAM = 'group:default/platform-devex';

test('a platform PM creates a campaign, and a developer onboards a service from a to-do item', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await waitForCatalog(request);
  const token = await guestToken(request);
  const api = async (path: string) => {
    const res = await request.get(`/api/flywheel${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return res.ok() ? res.json() : undefined;
  };
  const itemOf = async () =>
    (
      await api(`/campaigns/memberships?entityRef=component:default/${SERVICE}`)
    )?.items.find((m: any) => m.campaign.id === RUNNING)?.item;
  // The demo campaigns are seeded once the legacy services are in the
  // catalog, and evaluated a minute after start.
  await expect
    .poll(async () => (await itemOf())?.state, {
      timeout: 180_000,
      intervals: [3_000],
    })
    .toBe('open');
  const before = (await api(`/campaigns/${RUNNING}`)).progress;
  await dismissSurveyPrompts(request);

  await signInAsGuest(page);
  await page.goto('/flywheel/campaigns');
  await expect(
    page.getByRole('heading', { name: 'Campaigns', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Services onto the TypeScript path 1.2' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Closed campaigns' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', {
      name: 'Checkout services onto the TypeScript path',
    }),
  ).toBeVisible();

  // A PM creates a campaign: TechDocs for the data team's services.
  const title = `Docs for data services ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New campaign' }).click();
  const dialog = page.getByRole('dialog', { name: 'New campaign' });
  await dialog.getByLabel('Title').fill(title);
  await dialog
    .getByLabel('Description')
    .fill('Every data service publishes its docs in Backstage.');
  // Selects open a list of options in a popover, rendered last.
  const choose = async (select: RegExp, option: string) => {
    await dialog.getByRole('button', { name: select }).click();
    await page
      .getByRole('option', { name: option, exact: true })
      .last()
      .click();
  };
  await choose(/Owner$/, 'Platform: Developer Experience');
  await dialog.getByRole('textbox', { name: 'Types' }).fill('service');
  await choose(/Scorecard$/, 'Production readiness');
  await choose(/Check$/, 'Has TechDocs');
  await dialog.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/Production readiness: the check/)).toBeVisible();

  // A developer of platform-devex opens the running campaign's to-dos of
  // their team.
  await page.goto(
    `/flywheel/campaigns/${RUNNING}?groupRef=${encodeURIComponent(TEAM)}`,
  );
  await expect(
    page.getByRole('heading', {
      name: 'Services onto the TypeScript path 1.2',
    }),
  ).toBeVisible();
  await expect(page.getByText(/a week, the \d+ entities left/)).toBeVisible();
  await page
    .getByRole('link', { name: 'Start onboarding for Release notes service' })
    .click();

  // The adopt-the-path template, the service filled in.
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/adopt-golden-path/,
  );
  await expect(
    page.getByRole('heading', { name: 'Adopt a golden path' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(`component:default/${SERVICE}`)).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('link', { name: 'Open in catalog' })).toBeVisible(
    { timeout: 120_000 },
  );

  // The catalog refreshes the service, scorecards re-evaluate it, and the
  // campaign counts it as met at once.
  await expect
    .poll(async () => (await itemOf())?.state, {
      timeout: 120_000,
      intervals: [2_000],
    })
    .toBe('met');
  const after = (await api(`/campaigns/${RUNNING}`)).progress;
  expect(after.met).toBe(before.met + 1);
  await page.goto(`/flywheel/campaigns/${RUNNING}`);
  await expect(
    page
      .getByText(new RegExp(`${after.met} of ${after.cohort - after.exempt}`))
      .first(),
  ).toBeVisible();
  const progress = await api(`/campaigns/${RUNNING}/progress`);
  expect(progress.days[progress.days.length - 1].met).toBe(after.met);
});

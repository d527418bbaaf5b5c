import { expect, test } from '@playwright/test';
import {
  dismissSurveyPrompts,
  guestToken,
  signInAsGuest,
  waitForCatalog,
} from './helpers';

// The journey of the maturity issue: a platform PM (the guest, of
// platform-devex) opens the product dashboard, reads the outcomes and the
// maturity board, attests a manual criterion of golden-path-templates with
// evidence, is refused its promotion while a metric criterion is unmet,
// promotes with an override and finds it in the history and the CSV; then
// CI backfills a month of deployments for one of the capability's teams and
// that criterion turns met. The demo seeds the history
// (packages/backend/src/modules/demoMaturity.ts).

const CI_TOKEN = 'flywheel-demo-ci-token';
const CAPABILITY = '/flywheel/maturity/component/default/golden-path-templates';
const PIONEER = 'A pioneering team deploys daily, every week for 4 weeks';
const EVERY_ENV = 'In use in every environment';
const OVERRIDE = `Leadership review ${Date.now().toString(
  36,
)}: promote now, pioneer data follows`;

test('a platform PM reads the dashboard, attests, is refused a promotion, overrides, and a metric criterion follows the data', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await waitForCatalog(request);
  const token = await guestToken(request);
  const api = (path: string) =>
    request.get(`/api/flywheel${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  // The demo history is written once the catalog has settled.
  await expect
    .poll(
      async () => {
        const res = await api('/maturity/history');
        return res.ok() ? (await res.json()).items.length : 0;
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBeGreaterThanOrEqual(14);
  await dismissSurveyPrompts(request);

  await signInAsGuest(page);
  await page.goto('/flywheel');
  await expect(
    page.getByRole('heading', { name: 'Product dashboard' }),
  ).toBeVisible();
  for (const family of [
    'Developer satisfaction',
    'Platform usage',
    'Value stream',
  ]) {
    await expect(page.getByRole('heading', { name: family })).toBeVisible();
  }
  await expect(page.getByText('Golden-path adoption').first()).toBeVisible();
  await expect(
    page.getByRole('heading', { name: /Production Readiness \(\d+\)/ }),
  ).toBeVisible();

  await page
    .getByRole('link', { name: 'golden-path-templates' })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${CAPABILITY}$`));
  await expect(
    page.getByRole('heading', { name: 'golden-path-templates' }),
  ).toBeVisible();

  // Refused: two required exit criteria of Production Readiness are unmet.
  await page.getByRole('button', { name: 'Promote', exact: true }).click();
  const promote = page.getByRole('dialog');
  await promote
    .getByLabel('Rationale')
    .fill('Both golden paths are used by most teams');
  await promote.getByRole('button', { name: 'Promote', exact: true }).click();
  await expect(
    promote.getByText('Required exit criteria are unmet'),
  ).toBeVisible();
  await expect(promote.getByText(new RegExp(PIONEER))).toBeVisible();
  await promote.getByRole('button', { name: 'Cancel' }).click();

  // Attest the manual criterion with evidence.
  await page.getByRole('button', { name: `Attest ${EVERY_ENV}` }).click();
  const attest = page.getByRole('dialog');
  await attest
    .getByLabel('Evidence URL')
    .fill('https://wiki.acme.example/platform/templates/environments');
  await attest
    .getByLabel('Note')
    .fill('Skeletons deploy to development, staging and production');
  await attest.getByRole('button', { name: 'Attest', exact: true }).click();
  await expect(attest).toBeHidden();
  // Production Readiness's exit criteria, as the page lists them now.
  const readiness = page.getByRole('region', {
    name: 'Production Readiness: exit criteria',
  });
  const everyEnv = readiness
    .getByRole('listitem')
    .filter({ hasText: EVERY_ENV });
  await expect(everyEnv.getByText('Met', { exact: true })).toBeVisible();

  // Still blocked by the metric criterion: promote with an override.
  await page.getByRole('button', { name: 'Promote', exact: true }).click();
  const override = page.getByRole('dialog');
  await override
    .getByLabel('Rationale')
    .fill('Both golden paths are used by most teams');
  await override.getByRole('button', { name: 'Promote', exact: true }).click();
  await expect(override.getByText(new RegExp(PIONEER))).toBeVisible();
  await expect(override.getByText(new RegExp(EVERY_ENV))).toHaveCount(0);
  await override.getByLabel('Override reason').fill(OVERRIDE);
  await override.getByRole('button', { name: 'Promote anyway' }).click();
  await expect(override).toBeHidden();
  await expect(
    page.getByText('Promoted from Production Readiness to Adoption & Scaling'),
  ).toBeVisible();
  await expect(page.getByText(`Override reason: ${OVERRIDE}`)).toBeVisible();

  const csv = await api(
    '/maturity/capabilities/component/default/golden-path-templates/history?format=csv',
  );
  expect(await csv.text()).toContain(OVERRIDE);
  const board = await (await api('/maturity/capabilities')).json();
  expect(
    board.items.find(
      (c: { entityRef: string }) =>
        c.entityRef === 'component:default/golden-path-templates',
    ).stage.id,
  ).toBe('adoption-scaling');

  // CI backfills the last four whole weeks for every growth service (one of
  // the capability's teams): six production deployments a week each.
  const growth = await (
    await request.get(
      '/api/catalog/entities/by-query?filter=kind=component,relations.ownedBy=group:default/growth&fields=metadata.name',
      { headers: { authorization: `Bearer ${token}` } },
    )
  ).json();
  const services: string[] = growth.items.map(
    (e: { metadata: { name: string } }) => e.metadata.name,
  );
  expect(services.length).toBeGreaterThan(0);
  const monday = new Date();
  monday.setUTCHours(12, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const run = Date.now().toString(36);
  const deployments = services.flatMap(name =>
    [1, 2, 3, 4].flatMap(week =>
      [0, 1, 2, 3, 4, 5].map(day => {
        const at = new Date(
          monday.getTime() - (week * 7 - day) * 86_400_000,
        ).toISOString();
        return {
          id: `e2e-${run}-${name}-${week}-${day}`,
          entityRef: `component:default/${name}`,
          startedDate: at,
          finishedDate: at,
        };
      }),
    ),
  );
  const ingest = await request.post('/api/flywheel/deployments', {
    headers: { authorization: `Bearer ${CI_TOKEN}` },
    data: { deployments },
  });
  expect(ingest.ok()).toBe(true);

  // The criterion follows the data (the facts take changes in at once after
  // a quiet minute, else within the minute)...
  await expect
    .poll(
      async () => {
        const detail = await (
          await api(
            '/maturity/capabilities/component/default/golden-path-templates',
          )
        ).json();
        return detail.stageDetails
          .find((s: { id: string }) => s.id === 'production-readiness')
          .criteria.find(
            (c: { id: string }) => c.id === 'pioneer-deploys-daily',
          ).status;
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe('met');
  // ...and the capability page shows it when opened again from the board.
  await page.getByRole('link', { name: 'All capabilities' }).click();
  await page
    .getByRole('link', { name: 'golden-path-templates' })
    .first()
    .click();
  const pioneer = readiness.getByRole('listitem').filter({ hasText: PIONEER });
  await expect(pioneer.getByText('Met', { exact: true })).toBeVisible();
  await expect(
    pioneer.getByText(/group:default\/growth/).first(),
  ).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { guestToken, signInAsGuest, waitForCatalog } from './helpers';

// The journey of the metrics issue: CI records a deployment with a service
// token (a person's token may not), and a platform PM opens Flywheel →
// Metrics, reads time to first deploy for golden-path against hand-made
// services, then a service's value-stream card; the guest's browsing moves
// the usage numbers (the app's analytics module sends the page views). The demo seeds six months of
// deployments (packages/backend/src/modules/demoDeployments.ts); the example
// instance's CI token is in app-config.yaml.

const CI_TOKEN = 'flywheel-demo-ci-token';
const TTFD = 'Time to first deploy (median)';

test('CI records a deployment and a platform PM compares golden paths with hand-made services', async ({
  page,
  request,
}) => {
  await waitForCatalog(request);
  const token = await guestToken(request);
  // The demo deployments are written once the catalog has settled.
  await expect
    .poll(
      async () => {
        const res = await request.get(
          '/api/flywheel/metrics/valueStream.deployments/series?window=26w&interval=month',
          { headers: { authorization: `Bearer ${token}` } },
        );
        return res.ok() ? (await res.json()).total.value : 0;
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBeGreaterThan(100);

  const now = new Date().toISOString();
  const deployment = {
    id: `e2e-${Date.now().toString(36)}`,
    entityRef: 'component:default/gift-card-service',
    startedDate: now,
    finishedDate: now,
    deploymentCommits: [
      {
        repoUrl: 'https://github.com/acme/gift-card-service',
        commitSha: 'e2e0123',
        authoredDate: now,
      },
    ],
  };
  const post = (bearer: string) =>
    request.post('/api/flywheel/deployments', {
      headers: { authorization: `Bearer ${bearer}` },
      data: deployment,
    });
  const first = await post(CI_TOKEN);
  expect(await first.json()).toMatchObject({ created: 1 });
  expect(await (await post(CI_TOKEN)).json()).toMatchObject({
    created: 0,
    unchanged: 1,
  });
  expect((await post(token)).status()).toBe(403);

  const usageEvents = async () => {
    const res = await request.get('/api/flywheel/usage/breakdown?window=1d', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.ok()).toBe(true);
    return (await res.json()).total.events as number;
  };
  const eventsBefore = await usageEvents();

  await signInAsGuest(page);
  // The demo's services were created during 2026: a year's window holds them.
  await page.goto('/flywheel/metrics?window=1y&interval=month');
  const tile = page.getByRole('button', {
    name: new RegExp(`^${TTFD.replace(/[()]/g, '\\$&')}`),
  });
  await expect(tile).toBeVisible({ timeout: 30_000 });
  await tile.click();
  await expect(tile).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/metric=valueStream\.timeToFirstDeploy\.median/);
  // Golden-path services reach production sooner, beyond chance.
  await expect(
    page.getByText(/^Golden-path services are better, beyond chance/),
  ).toBeVisible({ timeout: 30_000 });
  await expect(
    page.locator('dl[aria-label="Golden-path and hand-made values"]'),
  ).toContainText('Hand-made services');

  // A service's value stream on its page, linking back to the tab.
  await page.goto('/catalog/default/component/gift-card-service');
  const card = page.getByRole('region', { name: 'Value stream' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('Lead time');

  // The page views above reach the usage store (batches leave every 5 s).
  await expect
    .poll(usageEvents, { timeout: 30_000, intervals: [2_000] })
    .toBeGreaterThan(eventsBefore);
});

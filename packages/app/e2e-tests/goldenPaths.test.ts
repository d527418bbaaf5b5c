import { expect, Page, test } from '@playwright/test';
import { signInAsGuest, waitForCatalog, waitForEntity } from './helpers';

// The journey of the foundation issue: a developer opens Flywheel (whose
// first tab is the Overview, the product dashboard) → Golden Paths, scaffolds
// a service from a golden path, finds it in the catalog with its provenance,
// and the path's numbers go up.

/** The headline number labelled `label` on the card of a golden path. */
function stat(page: Page, path: string, label: string) {
  return page
    .getByRole('region', { name: path })
    .locator('dl > div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd > :first-child');
}

test('a developer scaffolds a service from a golden path and sees its provenance and adoption', async ({
  page,
  request,
}) => {
  await waitForCatalog(request);
  const name = `e2e-orders-${Date.now().toString(36)}`;
  await signInAsGuest(page);

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Flywheel' })
    .click();
  await page.getByRole('tab', { name: 'Golden Paths' }).click();
  const path = page.getByRole('region', { name: 'TypeScript HTTP service' });
  await expect(path).toBeVisible();
  const before = Number(
    await stat(page, 'TypeScript HTTP service', 'Services created').innerText(),
  );
  expect(before).toBeGreaterThan(0);

  await path.getByRole('link', { name: 'Use this path' }).click();
  await expect(
    page.getByRole('heading', { name: 'TypeScript HTTP service' }),
  ).toBeVisible();
  await page.getByLabel('Name').first().fill(name);
  const owner = page.getByLabel('Owner').first();
  await owner.fill('Developer Experience');
  await page
    .getByRole('option', { name: 'Platform: Developer Experience' })
    .click();
  await page.getByRole('button', { name: 'Next' }).click();
  // "Where to publish" defaults to this Backstage: no network needed.
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await expect(openInCatalog).toBeVisible({ timeout: 120_000 });
  // The catalog processes the new location asynchronously: open the entity
  // once it is there (a reload of a page that asked too early can hang).
  await waitForEntity(request, 'component', name);
  await openInCatalog.click();

  await expect(page.getByRole('heading', { name })).toBeVisible();
  const provenance = page.getByRole('region', { name: 'Golden path' });
  await expect(provenance).toContainText('TypeScript HTTP service');
  await expect(provenance).toContainText('1.2.0');
  await expect(provenance).toContainText('Up to date');

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Flywheel' })
    .click();
  // The counts come from a snapshot of the catalog that takes a new service
  // in within seconds of the catalog's change event, a minute at most
  // (docs/operations.md): look again as a person would, opening the tab anew.
  await expect(async () => {
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('tab', { name: 'Golden Paths' }).click();
    await expect(
      stat(page, 'TypeScript HTTP service', 'Services created'),
    ).toHaveText(String(before + 1), { timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await expect(
    stat(page, 'TypeScript HTTP service', 'Scaffolder runs'),
  ).not.toHaveText('0');
});

// The browser half of script/install-check: in headless Chromium, against a
// freshly generated Backstage with Flywheel installed, checks that the
// Flywheel page renders and that an entity of the app's own catalog gets
// scorecard results. Usage: node script/install-check-browser.js <baseUrl>
'use strict';

const path = require('path');
const { chromium } = require(path.join(
  __dirname,
  '../node_modules/playwright-core',
));

const chromiumOptions = require('./chromium');

const baseUrl = process.argv[2];
// create-app's own example catalog (examples/entities.yaml).
const ENTITY = '/catalog/default/component/example-website';

async function main() {
  const browser = await chromium.launch(chromiumOptions);
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', error => problems.push(error.message));

    await open(page, '/flywheel');
    await page
      .getByRole('heading', { name: 'Flywheel', exact: true })
      .first()
      .waitFor({ timeout: 60_000 });
    for (const tab of ['Overview', 'Golden Paths', 'Scorecards', 'Campaigns']) {
      await page.getByRole('tab', { name: tab }).first().waitFor();
    }
    console.log('    ok: /flywheel renders the Flywheel page with its tabs');

    await page.getByRole('tab', { name: 'Scorecards' }).first().click();
    // The built-in scorecard, which every install has.
    await page
      .getByText('Golden path adoption')
      .first()
      .waitFor({ timeout: 30_000 });
    console.log('    ok: the Scorecards tab lists the built-in scorecard');

    // The catalog module re-evaluates entities as the catalog processes them,
    // the scheduled evaluation catches the rest: wait for the first result.
    const deadline = Date.now() + 180_000;
    for (;;) {
      await open(page, `${ENTITY}/scorecards`);
      // The built-in scorecard's result: its score and its checks.
      const result = page
        .getByRole('region', { name: 'Golden path adoption' })
        .first();
      try {
        await result.getByText('Checks passing').waitFor({ timeout: 15_000 });
        const checks = await result.locator('li[aria-labelledby]').count();
        if (checks === 0) throw new Error('a result without checks');
        const score = await result
          .locator('dl[aria-label="Golden path adoption result"]')
          .innerText();
        console.log(
          `    ok: ${ENTITY} has scorecard results (${checks} checks; ${score
            .replace(/\s+/g, ' ')
            .slice(0, 80)})`,
        );
        break;
      } catch (error) {
        if (Date.now() > deadline) {
          const text = (await page.locator('main').first().innerText()).slice(
            0,
            500,
          );
          throw new Error(
            `No scorecard results on ${ENTITY}/scorecards after 3 minutes. The page says: ${text}`,
          );
        }
      }
    }
    if (problems.length) {
      throw new Error(`Uncaught errors in the page: ${problems.join('; ')}`);
    }
  } finally {
    await browser.close();
  }
}

/** Opens a page, signing in as guest when the app asks. */
async function open(page, route) {
  await page.goto(`${baseUrl}${route}`);
  const enter = page.getByRole('button', { name: /^enter$/i });
  const signIn = await enter
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (signIn) {
    await enter.click();
    await page.waitForURL(url => url.pathname.startsWith(route.split('?')[0]));
  }
}

main().catch(error => {
  console.error(`    FAILED: ${error.message}`);
  process.exit(1);
});

import { APIRequestContext, expect, Page } from '@playwright/test';

/** A guest's Backstage token, for API calls that prepare a journey. */
export async function guestToken(request: APIRequestContext) {
  const session = await request.get('/api/auth/guest/refresh', {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(session.ok()).toBe(true);
  return (await session.json()).backstageIdentity.token as string;
}

/**
 * The backend answers before the catalog has read all of examples/: wait
 * until the number of Components stops changing, so the counts the test
 * compares are final.
 */
export async function waitForCatalog(request: APIRequestContext) {
  const token = await guestToken(request);
  const countComponents = async () => {
    const response = await request.get(
      '/api/catalog/entities/by-query?filter=kind=component&limit=1',
      { headers: { authorization: `Bearer ${token}` } },
    );
    return ((await response.json()).totalItems as number) ?? 0;
  };
  let last = -1;
  let stableSince = Date.now();
  await expect
    .poll(
      async () => {
        const count = await countComponents();
        if (count !== last) {
          last = count;
          stableSince = Date.now();
        }
        return count > 0 && Date.now() - stableSince >= 10_000;
      },
      { timeout: 150_000, intervals: [2_000] },
    )
    .toBe(true);
}

/**
 * Waits until the catalog serves an entity: a freshly registered location
 * is processed asynchronously, so its entity page may say "not found" first.
 */
export async function waitForEntity(
  request: APIRequestContext,
  kind: string,
  name: string,
) {
  const token = await guestToken(request);
  await expect
    .poll(
      async () =>
        (
          await request.get(
            `/api/catalog/entities/by-name/${kind}/default/${name}`,
            { headers: { authorization: `Bearer ${token}` } },
          )
        ).status(),
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe(200);
}

/** Opens the app and signs in as the guest user. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/**
 * Dismisses every survey prompt pending for the guest (such as the demo's
 * golden-path CSAT after an earlier journey ran a template), so a journey
 * meets only its own prompt.
 */
export async function dismissSurveyPrompts(request: APIRequestContext) {
  const token = await guestToken(request);
  const headers = { authorization: `Bearer ${token}` };
  const prompts = await request.get('/api/flywheel/surveys/prompts?path=%2F', {
    headers,
  });
  expect(prompts.ok()).toBe(true);
  for (const prompt of (await prompts.json()).items as {
    surveyId: string;
    waveId: string;
  }[]) {
    const dismissed = await request.post(
      `/api/flywheel/surveys/${encodeURIComponent(
        prompt.surveyId,
      )}/prompt-actions`,
      { headers, data: { waveId: prompt.waveId, action: 'dismiss' } },
    );
    expect(dismissed.ok()).toBe(true);
  }
}

/**
 * Opens a path inside the running app, as its links do (history and
 * react-router), without loading the document again: in headless Chromium
 * a document navigation after the user got a notification or a survey
 * prompt can hang until the test ends (issue 21).
 */
export async function openInApp(page: Page, path: string) {
  await page.evaluate(to => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

/**
 * Calls Flywheel's API as the guest, with the token the app uses: paths are
 * under `/api/flywheel`.
 */
export async function guestApi(request: APIRequestContext) {
  const token = await guestToken(request);
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (path: string) => request.get(`/api/flywheel${path}`, { headers }),
    post: (path: string, data?: unknown) =>
      request.post(`/api/flywheel${path}`, { headers, data }),
  };
}

/**
 * Creates a survey asked of the guest's team (platform-devex), open from a
 * minute ago for `openForDays`, anonymous and sent when its wave opens
 * unless `survey` says otherwise: the journeys' way to get the guest a
 * prompt. Returns the created survey.
 */
export async function createGuestTeamSurvey(
  api: Awaited<ReturnType<typeof guestApi>>,
  survey: Record<string, unknown>,
  openForDays = 1,
) {
  const created = await api.post('/surveys', {
    anonymous: true,
    audience: { type: 'groups', groupRefs: ['group:default/platform-devex'] },
    schedule: {
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + openForDays * 86_400_000).toISOString(),
      recurrence: 'none',
    },
    triggers: [{ type: 'wave-open' }],
    samplingPercent: 100,
    ...survey,
  });
  expect(created.status(), await created.text()).toBe(201);
  return created.json();
}

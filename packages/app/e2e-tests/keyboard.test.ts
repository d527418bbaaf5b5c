import { APIRequestContext, expect, Page, test } from '@playwright/test';
import {
  createGuestTeamSurvey,
  dismissSurveyPrompts,
  guestApi,
  signInAsGuest,
  waitForCatalog,
} from './helpers';

// The main journeys with the keyboard alone (issue 21): once a page is
// opened, only Tab, Shift+Tab, Enter, Space, the arrow keys and Escape. Each
// step checks where the focus is, and that it shows (`:focus-visible` with
// an outline or a ring).

/** What has the focus: its name as a screen reader would start to read it. */
interface Focused {
  name: string;
  role: string;
  /** The name of the dialog it is in, if any. */
  dialog?: string;
  /** It matches :focus-visible and draws an outline or a ring. */
  visible: boolean;
}

async function focused(page: Page): Promise<Focused | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) {
      return undefined;
    }
    const text = (id: string) =>
      document.getElementById(id)?.textContent?.trim() ?? '';
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? labelled.split(/\s+/).map(text).join(' ') : '') ??
      '';
    const dialog = el.closest('[role="dialog"]');
    const dialogLabel = dialog?.getAttribute('aria-labelledby');
    const style = getComputedStyle(el);
    return {
      name: (
        name ||
        (el as HTMLInputElement).labels?.[0]?.textContent ||
        el.textContent ||
        ''
      )
        .replace(/\s+/g, ' ')
        .trim(),
      role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
      dialog: dialog
        ? dialog.getAttribute('aria-label') ??
          (dialogLabel ? text(dialogLabel) : '')
        : undefined,
      visible:
        el.matches(':focus-visible') &&
        ((style.outlineStyle !== 'none' && style.outlineWidth !== '0px') ||
          style.boxShadow !== 'none'),
    };
  });
}

/**
 * Presses `key` until the focus is on what `wanted` accepts; fails after
 * `max` presses, naming where the focus went.
 */
async function pressUntil(
  page: Page,
  key: 'Tab' | 'Shift+Tab' | 'ArrowRight' | 'ArrowDown',
  wanted: (f: Focused) => boolean,
  max = 150,
): Promise<Focused> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now && wanted(now)) {
      return now;
    }
    path.push(now ? `${now.role} "${now.name.slice(0, 60)}"` : '(body)');
  }
  throw new Error(
    `${max} × ${key} never reached the element; the focus went:\n${path.join(
      '\n',
    )}`,
  );
}

/** The focus is on an element named `name` (a string is a prefix) and shows. */
function named(name: string | RegExp, role?: string) {
  return (f: Focused) =>
    (typeof name === 'string' ? f.name.startsWith(name) : name.test(f.name)) &&
    (!role || f.role === role);
}

async function expectFocusOn(
  page: Page,
  name: string | RegExp,
  role?: string,
  options: { visible: boolean } = { visible: true },
): Promise<Focused> {
  let now: Focused | undefined;
  await expect
    .poll(async () => {
      now = await focused(page);
      return now && named(name, role)(now);
    })
    .toBe(true);
  if (options.visible) {
    expect(now!.visible, `the focus on "${now!.name}" shows`).toBe(true);
  }
  return now!;
}

/**
 * A storefront service with a check that can still be exempted (not
 * passing, no open request): each run of the journey takes one.
 */
async function entityToExempt(request: APIRequestContext) {
  const api = await guestApi(request);
  for (const name of [
    'storefront-bff',
    'account-portal',
    'marketing-site',
    'product-catalog-service',
    'storefront-app',
    'design-system',
    'old-storefront',
  ]) {
    const entityRef = `component:default/${name}`;
    const results = await (
      await api.get(`/scorecards/results?entityRef=${entityRef}`)
    ).json();
    const exemptions = await (
      await api.get(`/scorecards/exemptions?entityRef=${entityRef}`)
    ).json();
    const open = new Set(
      (exemptions.items as any[])
        .filter(e => !e.expired && ['pending', 'approved'].includes(e.status))
        .map(e => `${e.scorecardId}/${e.checkId}`),
    );
    const exemptable = (results.results as any[]).some(r =>
      (r.checks as any[]).some(
        c =>
          ['fail', 'warn', 'unknown'].includes(c.state) &&
          !open.has(`${r.scorecardId}/${c.checkId}`),
      ),
    );
    if (exemptable) {
      return name;
    }
  }
  throw new Error('Every storefront service has its exemptions requested');
}

let catalogReady = false;
async function ready(request: APIRequestContext) {
  if (!catalogReady) {
    await waitForCatalog(request);
    catalogReady = true;
  }
}

test('keyboard: answer the NPS prompt and submit', async ({
  page,
  request,
}) => {
  await ready(request);
  await dismissSurveyPrompts(request);
  const api = await guestApi(request);
  const title = `Keyboard NPS ${Date.now().toString(36)}`;
  await createGuestTeamSurvey(api, {
    title,
    questions: [
      {
        id: 'nps',
        type: 'nps',
        title: 'How likely are you to recommend the platform to a colleague?',
        followUp: 'What is the main reason for your score?',
      },
    ],
  });

  await signInAsGuest(page);
  await page.goto('/catalog');
  const prompt = page.getByRole('dialog', { name: title });
  await expect(prompt).toBeVisible();

  // The prompt does not take the focus; it comes first in the page's tab
  // order, before the sidebar.
  const inPrompt = (f: Focused) => f.dialog === title;
  await pressUntil(page, 'Tab', f => inPrompt(f) && f.role === 'radio', 10);
  // Into the scale: the arrow keys move along it, Space chooses.
  for (let i = 0; i < 11; i++) {
    const at = Number((await focused(page))?.name.split(' ')[0]);
    if (at === 9) {
      break;
    }
    await page.keyboard.press(at > 9 ? 'ArrowLeft' : 'ArrowRight');
  }
  await expectFocusOn(page, '9', 'radio');
  await page.keyboard.press('Space');
  await expect(prompt.getByRole('radio', { name: /^9/ })).toBeChecked();

  // The follow-up and Submit come next.
  await pressUntil(page, 'Tab', f => inPrompt(f) && f.role === 'textarea');
  await expectFocusOn(page, /main reason/);
  await page.keyboard.type('Templates save me days.');
  await pressUntil(page, 'Tab', f => inPrompt(f) && f.name === 'Submit');
  await expectFocusOn(page, 'Submit');
  await page.keyboard.press('Enter');
  await expect(prompt.getByRole('status')).toContainText(
    'Thanks — your answer was saved',
  );
  // The form made way for the thanks: the focus stays in the prompt.
  expect((await focused(page))?.dialog).toBe(title);
});

test('keyboard: open a golden path and use it', async ({ page, request }) => {
  await ready(request);
  await dismissSurveyPrompts(request);
  await signInAsGuest(page);
  await page.goto('/flywheel/golden-paths');
  await expect(
    page.getByRole('region', { name: 'TypeScript HTTP service' }),
  ).toBeVisible();

  await pressUntil(
    page,
    'Tab',
    f => /^Use this path/.test(f.name) && f.role === 'a',
  );
  const link = await expectFocusOn(page, /^Use this path/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/create\/templates\/default\//);
  expect(link.name).toBeTruthy();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
});

test('keyboard: open the team scorecard tab and show the entities failing a check', async ({
  page,
  request,
}) => {
  await ready(request);
  await dismissSurveyPrompts(request);
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/commerce');
  await expect(page.getByText('Golden-path adoption').first()).toBeVisible();

  await pressUntil(page, 'Tab', named('Team scorecard'));
  // The catalog's tab bar is Backstage's: its focus shows as a ripple, not
  // an outline, so only where the focus is is checked here.
  await expectFocusOn(page, 'Team scorecard', undefined, { visible: false });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/team-scorecard/);
  const fixFirst = page.getByRole('region', { name: 'What to fix first' });
  await expect(fixFirst).toBeVisible();

  const show = await pressUntil(
    page,
    'Tab',
    named(/^Show the \d+ not passing/),
  );
  await expectFocusOn(page, /^Show the \d+ not passing/);
  const check = show.name.replace(/^Show the \d+ not passing: /, '');
  await page.keyboard.press('Enter');
  const entities = page.getByRole('region', {
    name: `Entities not passing: ${check}`,
  });
  await expect(entities).toBeVisible();
  // The focus follows to the list it opened.
  await expectFocusOn(page, `Entities not passing: ${check}`);
  // Its first entity is the next stop.
  await pressUntil(page, 'Tab', f => f.role === 'a', 10);
  const first = await focused(page);
  await expect(entities.getByRole('link', { name: first!.name })).toBeVisible();
});

test('keyboard: request a scorecard exemption through its dialog; Escape returns the focus', async ({
  page,
  request,
}) => {
  await ready(request);
  await dismissSurveyPrompts(request);
  const entity = await entityToExempt(request);
  await signInAsGuest(page);
  await page.goto(`/catalog/default/component/${entity}/scorecards`);
  await expect(page.getByText('Checks passing').first()).toBeVisible();

  const opener = await pressUntil(page, 'Tab', named('Request exemption: '));
  await expectFocusOn(page, opener.name);
  // Open, then close with Escape: the focus goes back to the button.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Request an exemption' });
  await expect(dialog).toBeVisible();
  await expect
    .poll(async () => (await focused(page))?.dialog)
    .toBe('Request an exemption');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expectFocusOn(page, opener.name);

  // Again with Space, and this time through to the end.
  await page.keyboard.press('Space');
  await expect(dialog).toBeVisible();
  const inDialog = (f: Focused) => f.dialog === 'Request an exemption';
  await pressUntil(
    page,
    'Tab',
    f => inDialog(f) && /Justification/.test(f.name),
    10,
  );
  await expectFocusOn(page, /Justification/);
  await page.keyboard.type(
    'This service is replaced next quarter; no new work goes into it.',
  );
  await pressUntil(
    page,
    'Tab',
    f => inDialog(f) && f.name === 'Request exemption',
    20,
  );
  await expectFocusOn(page, 'Request exemption', 'button');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const exemptions = page.getByRole('region', {
    name: 'Exemptions',
    exact: true,
  });
  await expect(exemptions).toContainText(
    'This service is replaced next quarter',
  );
  // The button is gone with the request: the focus moves to what says so.
  await expectFocusOn(page, /^Exemption requested on .*, waiting/);
});

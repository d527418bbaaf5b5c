import { expect, Locator, Page, test } from '@playwright/test';
import {
  createGuestTeamSurvey,
  dismissSurveyPrompts,
  guestApi,
  openInApp,
  signInAsGuest,
  waitForCatalog,
} from './helpers';

// Every Flywheel page and entity tab, and every Flywheel dialog opened from
// its button, scanned by axe-core with the WCAG 2.1 A and AA rules in the
// browser. What Backstage itself draws around Flywheel's content (the
// sidebar, the plugin header with its tabs) is left out: its findings are
// Backstage's to fix, not ours to hide.

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BACKSTAGE_CHROME = [
  'nav[aria-label="sidebar nav"]',
  '.bui-PluginHeader',
  // The catalog's entity header and its tab bar.
  'header',
  '[role="tablist"][aria-label="Entity page tabs"]',
];

/** Each page, with what shows it has loaded its data. */
const PAGES: Array<[string, (page: Page) => Promise<unknown>]> = [
  [
    '/flywheel/overview',
    page =>
      page.getByRole('heading', { name: 'Developer satisfaction' }).waitFor(),
  ],
  [
    '/flywheel/golden-paths',
    page => page.getByRole('heading', { name: /^Golden paths/ }).waitFor(),
  ],
  [
    '/flywheel/scorecards',
    page => page.getByText('Golden path adoption').first().waitFor(),
  ],
  [
    '/flywheel/surveys',
    page => page.getByText('Platform NPS').first().waitFor(),
  ],
  [
    '/flywheel/surveys/platform-nps',
    page => page.getByText(/NPS/).first().waitFor(),
  ],
  // The survey editor, new from a template and editing the demo survey.
  [
    '/flywheel/surveys/new?template=platform-nps',
    page => page.getByRole('form').waitFor(),
  ],
  [
    '/flywheel/surveys/platform-nps/edit',
    page => page.getByRole('form').waitFor(),
  ],
  [
    '/flywheel/surveys/platform-nps/respond?preview=1',
    page => page.getByText('Preview — answers are not stored').waitFor(),
  ],
  [
    '/flywheel/metrics',
    page => page.getByText('Deployment frequency').first().waitFor(),
  ],
  [
    '/flywheel/maturity',
    page => page.getByRole('region', { name: 'Capability maturity' }).waitFor(),
  ],
  [
    '/flywheel/maturity/component/default/golden-path-templates',
    page => page.getByRole('heading', { level: 1 }).first().waitFor(),
  ],
  [
    '/flywheel/campaigns',
    page =>
      page.getByText('Services onto the TypeScript path 1.2').first().waitFor(),
  ],
  [
    '/flywheel/campaigns/typescript-path-1-2',
    page => page.getByRole('heading', { name: 'Progress' }).waitFor(),
  ],
  [
    '/catalog/default/component/checkout-api',
    page => page.getByText('Golden path').first().waitFor(),
  ],
  [
    '/catalog/default/component/checkout-api/scorecards',
    page => page.getByText('Checks passing').first().waitFor(),
  ],
  [
    '/catalog/default/group/commerce',
    page => page.getByText('Golden-path adoption').first().waitFor(),
  ],
  [
    '/catalog/default/group/commerce/team-scorecard',
    page => page.getByText('What to fix first').first().waitFor(),
  ],
];

test.use({ bypassCSP: true }); // axe-core is injected as a script

/**
 * Waits until nothing is fading or sliding in: scanned half-transparent, a
 * dialog or an alert fails on contrast. Spinners (infinite) and a card's
 * scroll-driven shadow never end and are left out.
 */
async function animationsDone(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        document
          .getAnimations()
          .filter(
            a =>
              a.playState === 'running' &&
              a.timeline === document.timeline &&
              a.effect?.getComputedTiming().iterations !== Infinity,
          )
          .map(
            a =>
              `${a.constructor.name} ${
                (a as any).animationName ?? (a as any).transitionProperty
              } on ${(a.effect as any)?.target?.outerHTML?.slice(0, 80)}`,
          ),
      ),
    )
    .toEqual([]);
}

/** The violations inside `include` (selectors), by axe-core. */
async function violations(page: Page, include = ['#root']) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  return page.evaluate(
    async ({ tags, include: within, exclude }) => {
      const axe = (window as any).axe;
      const result = await axe.run(
        { include: within.map(s => [s]), exclude: exclude.map(s => [s]) },
        { runOnly: { type: 'tag', values: tags } },
      );
      return (result.violations as any[]).map(
        v =>
          `${v.id} (${v.impact}): ${v.help}\n${(v.nodes as any[])
            .slice(0, 5)
            .map(n => `    ${n.target.join(' ')}: ${n.failureSummary}`)
            .join('\n')}`,
      );
    },
    { tags: WCAG_21_AA, include, exclude: BACKSTAGE_CHROME },
  );
}

test('every Flywheel page passes the WCAG 2.1 A and AA rules of axe-core', async ({
  page,
  request,
}) => {
  // About ten seconds a page, more on a small CI machine.
  test.setTimeout(420_000);
  await waitForCatalog(request);
  await signInAsGuest(page);
  const found: string[] = [];
  for (const [path, loaded] of PAGES) {
    await page.goto(path);
    await loaded(page);
    // Charts, lazy parts and the cards' own requests settle after the data.
    await page.waitForLoadState('networkidle');
    // Loading spinners, not the progress bars that show a figure.
    await expect(
      page.locator('.MuiCircularProgress-root, [data-testid="progress"]'),
    ).toHaveCount(0);
    await animationsDone(page);
    for (const violation of await violations(page)) {
      found.push(`${path}: ${violation}`);
    }
  }
  expect(found, found.join('\n\n')).toEqual([]);
});

/**
 * A capability that can be promoted and demoted, which no journey moves
 * (the maturity journey promotes golden-path-templates to the last stage).
 */
const CAPABILITY = '/flywheel/maturity/resource/default/kubernetes-platform';

/**
 * Each dialog: the page it opens on and how it is opened (the dialog is
 * returned). Where a form refuses to send while its required fields are
 * empty, `submit` names its button: pressed empty, the dialog shows its
 * field errors and is scanned again. Nothing is sent: each dialog is closed
 * with Escape.
 */
const DIALOGS: Array<{
  name: string;
  path: string;
  open: (page: Page) => Promise<Locator>;
  submit?: string;
}> = [
  {
    name: 'archive a survey',
    path: '/flywheel/surveys/platform-nps',
    open: async page => {
      await page.getByRole('button', { name: 'Archive', exact: true }).click();
      return page.getByRole('dialog', { name: 'Archive Platform NPS?' });
    },
  },
  {
    name: 'request an exemption',
    path: '/catalog/default/component/checkout-api/scorecards',
    open: async page => {
      await page
        .getByRole('button', { name: /^Request exemption: / })
        .first()
        .click();
      return page.getByRole('dialog', { name: 'Request an exemption' });
    },
    submit: 'Request exemption',
  },
  {
    // The demo's pending request of a checkout developer, or once an
    // earlier journey approved it, its revocation.
    name: 'reject or revoke an exemption',
    path: '/catalog/default/component/checkout-api/scorecards',
    open: async page => {
      await page
        .getByRole('button', { name: /^(Reject|Revoke) exemption: / })
        .first()
        .click();
      return page.getByRole('dialog', {
        name: /^(Reject|Revoke) the exemption$/,
      });
    },
  },
  ...(['Promote', 'Demote'] as const).map(action => ({
    name: `${action.toLocaleLowerCase('en-US')} a capability`,
    path: CAPABILITY,
    open: async (page: Page) => {
      await page.getByRole('button', { name: action, exact: true }).click();
      return page.getByRole('dialog');
    },
    submit: action,
  })),
  {
    name: 'attest a criterion',
    path: CAPABILITY,
    open: async page => {
      await page
        .getByRole('button', { name: /^Attest (again )?/ })
        .first()
        .click();
      return page.getByRole('dialog');
    },
    submit: 'Attest',
  },
  {
    name: 'waive a criterion',
    path: CAPABILITY,
    open: async page => {
      await page
        .getByRole('button', { name: /^Waive / })
        .first()
        .click();
      return page.getByRole('dialog');
    },
  },
  {
    name: "edit an outcome's target",
    path: '/flywheel/overview',
    open: async page => {
      await page
        .getByRole('button', { name: /^Edit target of / })
        .first()
        .click();
      return page.getByRole('dialog');
    },
  },
  {
    name: 'create a campaign',
    path: '/flywheel/campaigns',
    open: async page => {
      await page.getByRole('button', { name: 'New campaign' }).click();
      return page.getByRole('dialog', { name: 'New campaign' });
    },
    submit: 'Create campaign',
  },
  {
    name: 'close a campaign',
    path: '/flywheel/campaigns/typescript-path-1-2',
    open: async page => {
      await page.getByRole('button', { name: 'Close campaign' }).click();
      return page.getByRole('dialog');
    },
  },
];

test('every Flywheel dialog passes the WCAG 2.1 A and AA rules of axe-core', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await waitForCatalog(request);
  await dismissSurveyPrompts(request);
  await signInAsGuest(page);
  const found: string[] = [];
  const scan = async (name: string, dialog: Locator) => {
    await expect(dialog).toBeVisible();
    // The dialog's own requests (teams, scorecards, criteria) settle.
    await page.waitForLoadState('networkidle');
    await expect(
      dialog.locator('.MuiCircularProgress-root, [data-testid="progress"]'),
    ).toHaveCount(0);
    await animationsDone(page);
    await dialog.evaluate(el => el.setAttribute('data-axe-scan', ''));
    for (const violation of await violations(page, ['[data-axe-scan]'])) {
      found.push(`${name}: ${violation}`);
    }
    await dialog.evaluate(el => el.removeAttribute('data-axe-scan'));
  };

  for (const { name, path, open, submit } of DIALOGS) {
    await openInApp(page, path);
    const dialog = await open(page);
    await scan(name, dialog);
    if (submit) {
      await dialog.getByRole('button', { name: submit, exact: true }).click();
      await expect(
        dialog.locator('[aria-invalid="true"]').first(),
      ).toBeVisible();
      await scan(`${name}, its errors shown`, dialog);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  // The survey editor's form (a page, not a dialog) with its errors shown:
  // a blank survey is not sent without a title.
  await openInApp(page, '/flywheel/surveys/new');
  const editor = page.getByRole('form');
  await editor.getByRole('button', { name: 'Create survey' }).click();
  await expect(editor.locator('[aria-invalid="true"]').first()).toBeVisible();
  await scan('survey editor, its errors shown', editor);

  // The survey prompt: a survey of the guest's team asks them on the next
  // page they open; "Don't ask me again" ends it without an answer.
  const api = await guestApi(request);
  const title = `Accessibility check ${Date.now().toString(36)}`;
  await createGuestTeamSurvey(api, {
    title,
    questions: [
      {
        id: 'nps',
        type: 'nps',
        title: 'How likely are you to recommend the platform?',
        followUp: 'What is the main reason for your score?',
      },
      { id: 'why', type: 'text', title: 'Anything else?', required: false },
    ],
  });
  await openInApp(page, '/flywheel/surveys');
  const prompt = page.getByRole('dialog', { name: title });
  await expect(prompt).toBeVisible();
  // Choosing a score shows the rest of the questions.
  await prompt.getByRole('radio', { name: /^8/ }).click();
  await scan('survey prompt', prompt);
  await prompt
    .getByRole('button', { name: "Don't ask me again for this survey" })
    .click();
  await expect(prompt).toBeHidden();

  expect(found, found.join('\n\n')).toEqual([]);
});

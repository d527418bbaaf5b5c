import { expect, Page, test } from '@playwright/test';
import {
  createGuestTeamSurvey,
  dismissSurveyPrompts,
  guestApi,
  openInApp,
  signInAsGuest,
  waitForCatalog,
} from './helpers';

// What people write is shown to others as text, never run as a script or
// drawn as markup (issue 21). The guest (allowed to manage everything in the
// example) stores script and HTML payloads through the API the app uses, in
// every place text is written: a survey's title, description and questions,
// a free-text answer and an NPS follow-up, an exemption's justification, an
// attestation's note (its evidence URL must be http(s)) and a campaign's
// title, description and Markdown how-to. Each page that shows them must show
// the words and run nothing: no `window.__xss`, no alert, no element or
// attribute of a payload, no `javascript:` link, and no script the app's
// Content-Security-Policy had to block (it would hide an injection that the
// page let through). The comments inbox lists a wave's comments only from 10
// respondents on, which one guest cannot reach: its plain-text rendering is
// covered by SurveyComments' component test; the guest's answers come back
// on the answer page instead.

const RUN = Date.now().toString(36);
const IMG = `<img src=x onerror="window.__xss=1"> ${RUN}`;
const SCRIPT = `<script>window.__xss=1</script> ${RUN}`;
const SVG = `<svg onload="window.__xss=1"></svg> ${RUN}`;
const HTML_LINK = `<a href="javascript:window.__xss=1">html link ${RUN}</a>`;
const MD_LINK = `[md link ${RUN}](javascript:window.__xss=1)`;
const MD_IMAGE = `![md image ${RUN}](javascript:window.__xss=1)`;
const MD_QUOTED = `![quoted ${RUN}](x" onerror="window.__xss=1)`;
const ALERT = `"><img src=x onerror=alert(1)> ${RUN}`;

/** Everything a user could write, as one text. */
const ALL = [IMG, SCRIPT, SVG, HTML_LINK, MD_LINK, MD_IMAGE, ALERT].join(' ');

/** Things a payload would leave in the page had it been drawn as markup. */
async function markupOfPayloads(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const urlAttributes = ['href', 'src', 'srcdoc', 'action', 'formaction'];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.trim().toLowerCase();
        if (
          (attr.name.startsWith('on') && /__xss|alert\(/.test(attr.value)) ||
          (urlAttributes.includes(attr.name) &&
            // eslint-disable-next-line no-script-url -- what is looked for
            (value.startsWith('javascript:') || value.includes('__xss')))
        ) {
          found.push(
            `<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`,
          );
        }
      }
      if (el.tagName === 'SCRIPT' && /__xss/.test(el.textContent ?? '')) {
        found.push(`<script>${el.textContent}</script>`);
      }
    }
    for (const selector of [
      'img[onerror]',
      'svg[onload]',
      'a[href^="javascript:" i]',
      'iframe[srcdoc]',
    ]) {
      document
        .querySelectorAll(selector)
        .forEach(el =>
          found.push(`${selector}: ${el.outerHTML.slice(0, 120)}`),
        );
    }
    return found;
  });
}

/**
 * The page shows each text (as text) and nothing ran: called once the page
 * has drawn what it loaded, after a moment for broken images to fail.
 */
async function expectInert(page: Page, dialogs: string[], texts: string[]) {
  for (const text of texts) {
    await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
  }
  // Broken images fail and inline handlers would run within this moment.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // The app's Content-Security-Policy would block an inline script or
  // handler that made it into the page: that it never had to is the test.
  expect(await page.evaluate(() => (window as any).__scriptViolations)).toEqual(
    [],
  );
  expect(await markupOfPayloads(page)).toEqual([]);
}

test('script and HTML in what people write is shown as text and never runs', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await waitForCatalog(request);
  const api = await guestApi(request);
  const dialogs: string[] = [];
  page.on('dialog', dialog => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as any).__scriptViolations = violations;
    document.addEventListener('securitypolicyviolation', event => {
      if (event.effectiveDirective.startsWith('script-src')) {
        violations.push(`${event.effectiveDirective}: ${event.sample}`);
      }
    });
  });

  // A survey whose title, description and question carry payloads, asked of
  // the guest's team, identified so the guest's answer comes back on the
  // answer page; the guest answers its free-text question with payloads.
  const title = `${IMG.replace(RUN, '')}Survey ${RUN}`;
  const survey = await createGuestTeamSurvey(
    api,
    {
      title,
      description: SCRIPT,
      anonymous: false,
      questions: [
        { id: 'score', type: 'nps', title: MD_IMAGE, followUp: HTML_LINK },
        { id: 'why', type: 'text', title: SVG, required: true },
      ],
      triggers: [{ type: 'route', pathPrefix: `/nowhere-${RUN}` }],
    },
    7,
  );
  let waveId = '';
  await expect
    .poll(
      async () => {
        const form = await api.get(`/surveys/${survey.id}/form`);
        waveId = form.ok() ? (await form.json()).waveId : '';
        return waveId;
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .not.toBe('');
  const answered = await api.post(`/surveys/${survey.id}/responses`, {
    waveId,
    answers: [
      { questionId: 'score', value: 3, comment: ALERT },
      { questionId: 'why', value: ALL },
    ],
  });
  expect(answered.status(), await answered.text()).toBe(201);

  // An exemption request whose justification carries payloads.
  const exemption = await api.post('/scorecards/exemptions', {
    entityRef: 'component:default/search-service',
    scorecardId: 'golden-path-adoption',
    checkId: 'from-golden-path',
    justification: `${MD_LINK} ${IMG} ${SCRIPT}`,
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  // 409 when an earlier run left its request pending: that one is shown.
  expect([201, 409], await exemption.text()).toContain(exemption.status());
  const pending = await api.get(
    '/scorecards/exemptions?entityRef=component:default/search-service&status=pending',
  );
  const justification: string = (await pending.json()).items.find(
    (e: { checkId: string }) => e.checkId === 'from-golden-path',
  ).justification;
  expect(justification).toContain('onerror="window.__xss=1"');

  // An attestation: a javascript: evidence URL is refused; a note with
  // payloads is stored with an http(s) one.
  const attestations =
    '/maturity/capabilities/component/default/golden-path-templates/attestations';
  for (const evidenceUrl of [
    // eslint-disable-next-line no-script-url -- the payload under test
    'javascript:alert(1)',
    // eslint-disable-next-line no-script-url -- the payload under test
    'JavaScript:window.__xss=1',
    'data:text/html,<script>alert(1)</script>',
  ]) {
    const refused = await api.post(attestations, {
      stageId: 'mvp',
      criterionId: 'golden-paths-defined',
      evidenceUrl,
      note: 'Refused: not an http(s) link',
    });
    expect(refused.status(), evidenceUrl).toBe(400);
  }
  const note = `${ALERT} ${MD_QUOTED} ${HTML_LINK}`;
  const attested = await api.post(attestations, {
    stageId: 'mvp',
    criterionId: 'golden-paths-defined',
    evidenceUrl: 'https://wiki.acme.example/platform/golden-paths',
    note,
  });
  expect(attested.status(), await attested.text()).toBe(201);

  // A campaign whose title and description carry payloads and whose
  // how-to, rendered as Markdown, carries links, images and raw HTML.
  const campaignId = `xss-${RUN}`;
  const campaignTitle = `${SCRIPT.replace(RUN, '')}Campaign ${RUN}`;
  const howTo = [
    `# How ${RUN}`,
    MD_LINK,
    MD_IMAGE,
    MD_QUOTED,
    HTML_LINK,
    IMG,
    SCRIPT,
    SVG,
    `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
    `[ref link ${RUN}][r]\n\n[r]: javascript:window.__xss=1`,
    `<javascript:window.__xss=1>`,
  ].join('\n\n');
  const campaign = await api.post('/campaigns', {
    id: campaignId,
    title: campaignTitle,
    description: `${IMG} ${HTML_LINK}`,
    howTo,
    ownerRef: 'group:default/platform-devex',
    cohort: { types: ['website'], owners: ['group:default/storefront-web'] },
    goal: {
      type: 'check',
      scorecardId: 'production-readiness',
      checkId: 'techdocs',
    },
    startsAt: new Date().toISOString().slice(0, 10),
    deadline: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
  });
  expect(campaign.status(), await campaign.text()).toBe(201);

  await dismissSurveyPrompts(request);
  await signInAsGuest(page);

  // The survey: in the list, on its results page and on the answer page,
  // where the guest's own answer comes back.
  await openInApp(page, '/flywheel/surveys');
  await expectInert(page, dialogs, [title]);
  await openInApp(page, `/flywheel/surveys/${survey.id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expectInert(page, dialogs, [title]);
  await openInApp(page, `/flywheel/surveys/${survey.id}/respond`);
  await expect(page.getByRole('textbox', { name: SVG })).toHaveValue(ALL);
  await expect(page.getByRole('textbox', { name: HTML_LINK })).toHaveValue(
    ALERT,
  );
  await expectInert(page, dialogs, [title, SCRIPT, MD_IMAGE, SVG, HTML_LINK]);

  // The exemption, on the entity's Scorecards tab and on its team's page.
  await openInApp(page, '/catalog/default/component/search-service/scorecards');
  const exemptions = page.getByRole('region', {
    name: 'Exemptions',
    exact: true,
  });
  await expect(exemptions).toContainText(justification);
  await expectInert(page, dialogs, [justification]);
  await openInApp(page, '/catalog/default/group/storefront-web/team-scorecard');
  await expect(
    page.getByRole('region', { name: 'Exemptions waiting for a decision' }),
  ).toContainText(justification);
  await expectInert(page, dialogs, [justification]);

  // The attestation's note, on the capability page.
  await openInApp(
    page,
    '/flywheel/maturity/component/default/golden-path-templates',
  );
  await expectInert(page, dialogs, [note]);
  await expect(
    page.getByRole('link', { name: 'Evidence' }).first(),
  ).toHaveAttribute('href', /^https?:/);

  // The campaign: its card in the list and its page with the how-to.
  await openInApp(page, '/flywheel/campaigns');
  await expectInert(page, dialogs, [campaignTitle]);
  await openInApp(page, `/flywheel/campaigns/${campaignId}`);
  await expect(
    page.getByRole('heading', { name: campaignTitle }),
  ).toBeVisible();
  await expectInert(page, dialogs, [
    campaignTitle,
    `${IMG} ${HTML_LINK}`,
    `How ${RUN}`,
    `md link ${RUN}`,
  ]);
});

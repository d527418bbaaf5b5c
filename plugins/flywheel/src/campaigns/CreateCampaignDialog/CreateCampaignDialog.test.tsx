import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { getLocalTimeZone, today } from '@internationalized/date';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  mockFlywheelApi,
  orgGroups,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import {
  blankForm,
  idFromTitle,
  splitList,
  validateForm,
} from './campaignForm';
import { CreateCampaignDialog } from './CreateCampaignDialog';

const templates = [
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'add-techdocs',
      namespace: 'default',
      title: 'Add TechDocs',
    },
    spec: { type: 'onboarding' },
  },
];

function renderDialog(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
) {
  const onCreated = jest.fn();
  const onOpenChange = jest.fn();
  renderInTestApp(
    <CreateCampaignDialog
      isOpen
      onOpenChange={onOpenChange}
      onCreated={onCreated}
    />,
    {
      apis: [
        [flywheelApiRef, flywheelApi],
        [
          catalogApiRef,
          catalogApiMock({ entities: [...orgGroups, ...templates] }),
        ],
      ],
    },
  );
  return { flywheelApi, onCreated, onOpenChange };
}

async function choose(field: RegExp, option: string) {
  const dialog = screen.getByRole('dialog');
  const button = within(dialog).getByRole('button', { name: field });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

/** Puts text in a field at once: typing key by key is slow under CI load. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

/** The beginning of a day from now in the test's zone, as the dialog sends it. */
function dayFromNow(days: number) {
  return today(getLocalTimeZone())
    .add({ days })
    .toDate(getLocalTimeZone())
    .toISOString();
}

async function fillRequired() {
  await fill(
    await screen.findByRole('textbox', { name: /^Title/ }),
    'TechDocs everywhere',
  );
  await fill(
    screen.getByRole('textbox', { name: /^Description/ }),
    'Every service publishes its docs.',
  );
  await choose(/Owner/, 'Platform');
  await choose(/Scorecard/, 'Golden path adoption');
  await choose(/Check/, 'Has TechDocs');
}

describe('CreateCampaignDialog', () => {
  it('creates a campaign from what was filled in, the id following the title', async () => {
    const { flywheelApi, onCreated, onOpenChange } = renderDialog();

    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    await fillRequired();
    expect(screen.getByRole('textbox', { name: /^Id/ })).toHaveValue(
      'techdocs-everywhere',
    );
    await fill(
      screen.getByRole('textbox', { name: /^How to/ }),
      'Add the annotation.',
    );
    await fill(
      screen.getByRole('textbox', { name: /^Types/ }),
      'service, website,',
    );
    await fill(screen.getByRole('textbox', { name: /^Tags/ }), 'java');
    await fill(
      screen.getByRole('textbox', { name: /^Languages/ }),
      'java, kotlin',
    );
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Only entities not created from a golden path',
      }),
    );
    await choose(/Template/, 'Add TechDocs');
    await fill(
      screen.getByRole('textbox', { name: /^Entity parameter/ }),
      'component',
    );
    await expectNoAxeViolations(dialog);

    await userEvent.click(
      screen.getByRole('button', { name: 'Create campaign' }),
    );

    await waitFor(() =>
      expect(flywheelApi.createCampaign).toHaveBeenCalledWith({
        id: 'techdocs-everywhere',
        title: 'TechDocs everywhere',
        description: 'Every service publishes its docs.',
        howTo: 'Add the annotation.',
        ownerRef: 'group:default/platform',
        cohort: {
          types: ['service', 'website'],
          tags: ['java'],
          languages: ['java', 'kotlin'],
          notFromGoldenPath: true,
        },
        goal: {
          type: 'check',
          scorecardId: 'golden-path-adoption',
          checkId: 'has-techdocs',
        },
        automation: {
          templateRef: 'template:default/add-techdocs',
          entityParameter: 'component',
        },
        startsAt: dayFromNow(0),
        deadline: dayFromNow(90),
      }),
    );
    expect(onCreated).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'techdocs-everywhere' }),
    );
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('sets a level or golden-path goal', async () => {
    const { flywheelApi } = renderDialog();

    await fillRequired();
    await choose(/Goal/, 'A scorecard level is reached');
    await choose(/Scorecard/, 'Production readiness');
    await choose(/Level/, 'Silver');
    await userEvent.click(
      screen.getByRole('button', { name: 'Create campaign' }),
    );
    await waitFor(() =>
      expect(flywheelApi.createCampaign).toHaveBeenLastCalledWith(
        expect.objectContaining({
          goal: {
            type: 'level',
            scorecardId: 'production-readiness',
            level: 'silver',
          },
        }),
      ),
    );

    await choose(/Goal/, 'On a golden path');
    await choose(/Golden path/, 'TypeScript HTTP service');
    expect(
      screen.getByText('Optional; the path is at 1.2.0 now.'),
    ).toBeInTheDocument();
    await fill(
      screen.getByRole('textbox', { name: /^Minimum version/ }),
      '1.2.0',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Create campaign' }),
    );
    await waitFor(() =>
      expect(flywheelApi.createCampaign).toHaveBeenLastCalledWith(
        expect.objectContaining({
          goal: {
            type: 'goldenPath',
            templateRef: 'template:default/typescript-service',
            minVersion: '1.2.0',
          },
        }),
      ),
    );
  });

  it('says what is missing before sending anything', async () => {
    const { flywheelApi } = renderDialog();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Create campaign' }),
    );

    for (const message of [
      'Give the campaign a title.',
      'Give the campaign an id.',
      'Say what the campaign is for.',
      'Choose the team that runs the campaign.',
      'Choose the scorecard.',
      'Choose the check that must pass.',
    ]) {
      expect(await screen.findByText(message)).toBeInTheDocument();
    }
    await fill(screen.getByRole('textbox', { name: /^Id/ }), 'Not An Id');
    expect(
      await screen.findByText(
        'Use lowercase letters, digits and single dashes, e.g. techdocs-everywhere.',
      ),
    ).toBeInTheDocument();
    expect(flywheelApi.createCampaign).not.toHaveBeenCalled();
  });

  it("shows the backend's 400 in the dialog and keeps every field", async () => {
    const refused = await responseError(
      400,
      'InputError',
      "Invalid campaign: goal.checkId: scorecard 'golden-path-adoption' has no check 'has-techdocs'",
    );
    const { onCreated, onOpenChange } = renderDialog(
      mockFlywheelApi({
        createCampaign: jest.fn().mockRejectedValue(refused),
      }),
    );

    await fillRequired();
    await userEvent.click(
      screen.getByRole('button', { name: 'Create campaign' }),
    );

    expect(
      await screen.findByText(
        "Invalid campaign: goal.checkId: scorecard 'golden-path-adoption' has no check 'has-techdocs'",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The campaign was not created'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Title/ })).toHaveValue(
      'TechDocs everywhere',
    );
    expect(screen.getByRole('textbox', { name: /^Description/ })).toHaveValue(
      'Every service publishes its docs.',
    );
    expect(screen.getByRole('button', { name: /Check/ })).toHaveTextContent(
      'Has TechDocs',
    );
    expect(screen.getByRole('button', { name: /Owner/ })).toHaveTextContent(
      'Platform',
    );
    expect(onCreated).not.toHaveBeenCalled();
    expect(onOpenChange).not.toHaveBeenCalled();
    await expectNoAxeViolations(screen.getByRole('dialog'));
  });

  it('names the missing permission when refused', async () => {
    renderDialog(
      mockFlywheelApi({
        createCampaign: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    );

    await fillRequired();
    await userEvent.click(
      screen.getByRole('button', { name: 'Create campaign' }),
    );

    expect(
      await screen.findByText(
        /needs the permission flywheel\.campaigns\.manage/,
      ),
    ).toBeInTheDocument();
  });

  it('is submitted with the keyboard', async () => {
    const { flywheelApi } = renderDialog();

    await fillRequired();
    const description = screen.getByRole('textbox', { name: /^Title/ });
    description.focus();
    await userEvent.keyboard('{Enter}');

    await waitFor(() => expect(flywheelApi.createCampaign).toHaveBeenCalled());
  });
});

describe('campaign form helpers', () => {
  it('makes an id of a title', () => {
    expect(idFromTitle('TechDocs everywhere!')).toBe('techdocs-everywhere');
    expect(idFromTitle('  Java 21 — über alles ')).toBe('java-21-uber-alles');
    expect(idFromTitle('')).toBe('');
  });

  it('wants a deadline ahead and after the start', () => {
    const now = today(getLocalTimeZone());
    const deadlineError = (start: number, deadline: number | null) =>
      validateForm({
        ...blankForm(),
        startsAt: now.add({ days: start }),
        deadline: deadline === null ? null : now.add({ days: deadline }),
      }).deadline;
    expect(deadlineError(0, 30)).toBeUndefined();
    expect(deadlineError(0, null)).toBe('Choose the deadline.');
    expect(deadlineError(-10, 0)).toBe('The deadline must lie ahead.');
    expect(deadlineError(20, 10)).toBe(
      'The deadline must come after the start.',
    );
  });

  it('splits comma-separated lists', () => {
    expect(splitList(' service, website ,,')).toEqual(['service', 'website']);
    expect(splitList('')).toEqual([]);
  });
});

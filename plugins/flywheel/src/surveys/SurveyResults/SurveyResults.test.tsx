import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError, statValue } from '../../__testUtils__/testData';
import { useSurveyPermissions } from '../surveyHooks';
import {
  ALL_PERMISSIONS,
  NO_PERMISSIONS,
  renderSurveyPage,
} from '../__testUtils__/renderSurveyAdmin';
import {
  hiddenScopeResults,
  mockSurveyApi,
} from '../__testUtils__/surveyAdminData';
import { SurveyResults } from './SurveyResults';

jest.mock('../surveyHooks', () => ({
  ...jest.requireActual('../surveyHooks'),
  useSurveyPermissions: jest.fn(),
}));
const mockPermissions = useSurveyPermissions as jest.MockedFunction<
  typeof useSurveyPermissions
>;

function renderResults(
  options: {
    flywheelApi?: ReturnType<typeof mockSurveyApi>;
    route?: string;
  } = {},
) {
  return renderSurveyPage(<SurveyResults />, {
    flywheelApi: options.flywheelApi,
    mountPath: '/:surveyId',
    initialRoute: options.route ?? '/platform-nps',
  });
}

/** The row of a team in the breakdown. */
function teamRow(team: string) {
  const table = screen.getByRole('table', { name: /^Teams with their/ });
  const row = within(table)
    .getAllByRole('row')
    .find(r => within(r).queryByRole('rowheader')?.textContent === team);
  if (!row) {
    throw new Error(`No row for ${team}`);
  }
  return row;
}

describe('SurveyResults', () => {
  beforeEach(() => mockPermissions.mockReturnValue(ALL_PERMISSIONS));

  it('shows responses and the NPS with its 95% interval and distribution', async () => {
    const { flywheelApi } = renderResults();

    const stats = await screen.findByLabelText('Responses');
    expect(statValue(stats, 'Responses')).toBe('42');
    expect(statValue(stats, 'Audience')).toBe('130');
    expect(statValue(stats, 'Response rate')).toBe('32.3%');
    expect(flywheelApi.getSurveyResults).toHaveBeenCalledWith('platform-nps', {
      waveId: undefined,
      groupRef: undefined,
    });

    const nps = screen.getByRole('region', {
      name: 'How likely are you to recommend the platform to a colleague?',
    });
    expect(within(nps).getByText('+24 ± 18')).toBeInTheDocument();
    expect(
      within(nps).getByText('95% interval: +5 to +41'),
    ).toBeInTheDocument();
    expect(
      within(nps).getByRole('img', {
        name: 'NPS +24, 95% interval +5 to +41, on a scale from −100 to +100',
      }),
    ).toBeInTheDocument();
    expect(
      within(nps).getByRole('img', {
        name: 'Promoters, passives and detractors: Promoters (9–10) 20 (47.6%), Passives (7–8) 12 (28.6%), Detractors (0–6) 10 (23.8%)',
      }),
    ).toBeInTheDocument();
    expect(
      within(nps).getByRole('img', {
        name: 'Answers per score, 0 to 10: 0: 1, 1: 0, 2: 1, 3: 2, 4: 1, 5: 3, 6: 2, 7: 5, 8: 7, 9: 12, 10: 8',
      }),
    ).toBeInTheDocument();

    const csat = screen.getByRole('region', {
      name: 'How satisfied are you with the platform documentation?',
    });
    expect(within(csat).getByText('75% ± 13')).toBeInTheDocument();
    expect(
      within(csat).getByRole('img', {
        name: 'Answers per score, 1 to 5: 1: 2, 2: 3, 3: 5, 4: 18, 5: 12',
      }),
    ).toBeInTheDocument();

    const rating = screen.getByRole('region', {
      name: 'How easy is it to ship a change?',
    });
    expect(within(rating).getByText(/Mean 5.2/)).toBeInTheDocument();

    const choices = screen.getByRole('list', {
      name: 'Answers to What should we improve first?',
    });
    expect(
      within(choices)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual(['CI speed25 (64.1%)', 'Docs14 (35.9%)', 'Templates6 (15.4%)']);
  });

  it('explains hidden teams in the breakdown', async () => {
    renderResults();

    await screen.findByRole('table', { name: /^Teams with their/ });
    expect(
      within(teamRow('Engineering'))
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['25 of 60', '41.7%', '+28 ± 22', '80% ± 15']);
    expect(within(teamRow('Platform')).getByRole('cell').textContent).toBe(
      'Hidden: fewer than 5 responses',
    );
    expect(within(teamRow('Checkout')).getByRole('cell').textContent).toBe(
      'Hidden to protect a smaller team',
    );
    expect(within(teamRow('Payments core')).getByRole('cell').textContent).toBe(
      'Hidden: fewer than 5 responses',
    );
  });

  it('marks the waves whose change is significant at 95%', async () => {
    renderResults();

    const trend = await screen.findByRole('region', {
      name: 'Trend across waves',
    });
    expect(
      within(trend).getByRole('img', {
        name: 'NPS across 3 waves: wave 1 +8, wave 2 +2, wave 3 +24 (significant change at 95%).',
      }),
    ).toBeInTheDocument();
    expect(
      within(trend).getByText(
        'Wave with a significant change at 95% from the wave before',
      ),
    ).toBeInTheDocument();

    await userEvent.click(within(trend).getByText('Show the data'));
    const rows = within(
      within(trend).getByRole('table', { name: 'Results per wave' }),
    ).getAllByRole('row');
    const change = (row: HTMLElement) =>
      within(row).getAllByRole('cell').slice(-1)[0].textContent;
    expect(change(rows[2])).toBe('−6.3, not significant');
    expect(change(rows[3])).toBe('+21.8, significant change at 95%');
  });

  it('explains instead of showing numbers when the whole scope is hidden', async () => {
    renderResults({
      route: '/platform-nps?team=group%3Adefault%2Fplatform',
      flywheelApi: mockSurveyApi({
        getSurveyResults: jest.fn().mockResolvedValue(hiddenScopeResults),
      }),
    });

    expect(await screen.findByText('Results hidden')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Fewer than 5 people in Platform answered this wave, so its results are hidden/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Responses')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Comments' })).toBeNull();
  });

  it('scopes the results to a team from the breakdown and to a wave from the picker', async () => {
    const { flywheelApi } = renderResults();

    await screen.findByRole('table', { name: /^Teams with their/ });
    await userEvent.click(screen.getByRole('link', { name: 'Commerce' }));
    await waitFor(() =>
      expect(flywheelApi.getSurveyResults).toHaveBeenLastCalledWith(
        'platform-nps',
        { waveId: undefined, groupRef: 'group:default/commerce' },
      ),
    );

    await userEvent.click(await screen.findByRole('button', { name: /^Wave/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: /^Wave 1 · / }),
    );
    await waitFor(() =>
      expect(flywheelApi.getSurveyResults).toHaveBeenLastCalledWith(
        'platform-nps',
        { waveId: 'w1', groupRef: 'group:default/commerce' },
      ),
    );
  });

  it('exports the shown results as CSV', async () => {
    const createObjectURL = jest.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const { flywheelApi } = renderResults();

    await screen.findByLabelText('Responses');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(flywheelApi.exportSurveyResultsCsv).toHaveBeenCalledWith(
      'platform-nps',
      { waveId: 'w3', groupRef: undefined },
    );
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(
      'platform-nps-wave-3.csv',
    );
    click.mockRestore();
  });

  it('lets managers archive a survey', async () => {
    const { flywheelApi } = renderResults();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Archive' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Archive survey' }),
    );

    await waitFor(() =>
      expect(flywheelApi.archiveSurvey).toHaveBeenCalledWith('platform-nps'),
    );
    expect(flywheelApi.getSurvey).toHaveBeenCalledTimes(2);
  });

  it('offers no edit, archive or comments without permissions', async () => {
    mockPermissions.mockReturnValue({
      ...NO_PERMISSIONS,
      canReadResults: true,
    });
    const { flywheelApi } = renderResults();

    await screen.findByLabelText('Responses');
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Comments' })).toBeNull();
    expect(flywheelApi.getSurveyComments).not.toHaveBeenCalled();
  });

  it('tells team leads to choose their team when the whole audience is refused', async () => {
    mockPermissions.mockReturnValue({
      ...NO_PERMISSIONS,
      canReadOwnTeamResults: true,
    });
    renderResults({
      flywheelApi: mockSurveyApi({
        getSurveyResults: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    });

    expect(
      await screen.findByText(
        'Unauthorized You can see the results of your own teams: choose one under Team.',
      ),
    ).toBeInTheDocument();
  });
});

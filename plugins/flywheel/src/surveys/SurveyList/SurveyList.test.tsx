import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError } from '../../__testUtils__/testData';
import { useSurveyPermissions } from '../surveyHooks';
import { mockSurveyApi } from '../__testUtils__/surveyAdminData';
import {
  ALL_PERMISSIONS,
  NO_PERMISSIONS,
  renderSurveyPage,
} from '../__testUtils__/renderSurveyAdmin';
import { Location } from '../__testUtils__/Location';
import { SurveyList } from './SurveyList';

jest.mock('../surveyHooks', () => ({
  ...jest.requireActual('../surveyHooks'),
  useSurveyPermissions: jest.fn(),
}));
const mockPermissions = useSurveyPermissions as jest.MockedFunction<
  typeof useSurveyPermissions
>;

function rowOf(title: string) {
  const row = screen
    .getAllByRole('row')
    .find(r =>
      within(r).queryByRole('rowheader')?.textContent?.includes(title),
    );
  if (!row) {
    throw new Error(`No row for ${title}`);
  }
  return row;
}

describe('SurveyList', () => {
  beforeEach(() => mockPermissions.mockReturnValue(ALL_PERMISSIONS));

  it('lists surveys with questions, audience, schedule, wave and source', async () => {
    renderSurveyPage(<SurveyList />);

    expect(
      await screen.findByRole('heading', { name: 'Surveys (2)' }),
    ).toBeInTheDocument();
    const nps = rowOf('Platform NPS');
    expect(
      within(nps).getByRole('link', { name: 'Platform NPS' }),
    ).toHaveAttribute('href', '/platform-nps');
    expect(within(nps).getByText('Anonymous')).toBeInTheDocument();
    expect(
      within(nps).getByText('NPS, CSAT, Rating, Multiple choice, Text'),
    ).toBeInTheDocument();
    expect(within(nps).getByText('Everyone')).toBeInTheDocument();
    expect(
      within(nps).getByText(/^Quarterly from .*, 14 days a wave$/),
    ).toBeInTheDocument();
    expect(
      within(nps).getByText('Wave 3 open · 42 responses'),
    ).toBeInTheDocument();
    expect(within(nps).getByText('API')).toBeInTheDocument();

    const csat = rowOf('Golden path CSAT');
    expect(within(csat).queryByText('Anonymous')).toBeNull();
    expect(
      within(csat).getByText('Owners of services from typescript-service'),
    ).toBeInTheDocument();
    expect(within(csat).getByText('50% sampled')).toBeInTheDocument();
    expect(
      within(csat).getByText('After the event scaffolder.run.completed'),
    ).toBeInTheDocument();
    expect(within(csat).getByText('No wave yet')).toBeInTheDocument();
    expect(within(csat).getByText('app-config')).toBeInTheDocument();
  });

  it('offers managers the templates and a blank survey', async () => {
    renderSurveyPage(
      <>
        <SurveyList />
        <Location />
      </>,
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'New survey' }),
    );
    const items = await screen.findAllByRole('menuitem');
    expect(items.map(i => i.textContent)).toEqual([
      'Platform NPS',
      'Golden path CSAT',
      'Developer experience pulse',
      'Blank survey',
    ]);

    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Platform NPS' }),
    );
    expect(screen.getByRole('status', { name: 'Location' })).toHaveTextContent(
      '/new?template=platform-nps',
    );
  });

  it('offers no new survey to others', async () => {
    mockPermissions.mockReturnValue(NO_PERMISSIONS);
    renderSurveyPage(<SurveyList />);

    await screen.findByRole('heading', { name: 'Surveys (2)' });
    expect(screen.queryByRole('button', { name: 'New survey' })).toBeNull();
  });

  it('lists archived surveys on request', async () => {
    const { flywheelApi } = renderSurveyPage(<SurveyList />);

    await screen.findByRole('heading', { name: 'Surveys (2)' });
    await userEvent.click(
      screen.getByRole('switch', { name: 'Show archived' }),
    );
    expect(flywheelApi.listSurveys).toHaveBeenLastCalledWith({
      includeArchived: true,
    });
  });

  it('explains an empty list and how to start', async () => {
    renderSurveyPage(<SurveyList />, {
      flywheelApi: mockSurveyApi({
        listSurveys: jest.fn().mockResolvedValue({ items: [] }),
      }),
    });

    expect(await screen.findByText('No active surveys')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'New survey' }),
    ).toBeInTheDocument();
  });

  it('shows a loading state, then the server message of a failure', async () => {
    let reject: (e: Error) => void = () => {};
    renderSurveyPage(<SurveyList />, {
      flywheelApi: mockSurveyApi({
        listSurveys: jest.fn(
          () =>
            new Promise((_resolve, r) => {
              reject = r;
            }),
        ),
      }),
    });

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    reject(await responseError(500, 'Error', 'The database is unreachable'));
    expect(
      await screen.findByText(
        /Could not load surveys: The database is unreachable/,
      ),
    ).toBeInTheDocument();
  });
});

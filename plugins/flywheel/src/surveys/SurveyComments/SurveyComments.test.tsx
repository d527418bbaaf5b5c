import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import { responseError } from '../../__testUtils__/testData';
import {
  commentsResponse,
  mockSurveyApi,
} from '../__testUtils__/surveyAdminData';
import { SurveyComments } from './SurveyComments';

const titles = new Map([['group:default/engineering', 'Engineering']]);

function renderComments(
  options: {
    flywheelApi?: ReturnType<typeof mockSurveyApi>;
    canManage?: boolean;
  } = {},
) {
  const flywheelApi = options.flywheelApi ?? mockSurveyApi();
  renderInTestApp(
    <SurveyComments
      surveyId="platform-nps"
      waveId="w3"
      groupRef="group:default/acme"
      minCommentGroupSize={8}
      questionTitles={new Map([['recommend', 'How likely…?']])}
      titles={titles}
      canManage={options.canManage ?? true}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return flywheelApi;
}

function comment(day: string) {
  return screen.getByRole('article', { name: `Comment of ${day}` });
}

describe('SurveyComments', () => {
  it('renders what people wrote as plain text, never as HTML', async () => {
    renderComments();

    const first = await screen.findByRole('article', {
      name: 'Comment of Jul 8, 2026',
    });
    expect(
      within(first).getByText('<script>alert("x")</script> CI is <b>slow</b>'),
    ).toBeInTheDocument();
    expect(first.querySelector('script')).toBeNull();
    expect(first.querySelector('b')).toBeNull();
    expect(
      within(first).getByText('Jul 8, 2026 · Engineering · How likely…?'),
    ).toBeInTheDocument();
    expect(
      within(within(first).getByRole('list', { name: 'Tags' })).getByText('ci'),
    ).toBeInTheDocument();
    // No team on a comment whose team is too small to name.
    expect(
      within(comment('Jul 9, 2026')).getByText(/^Jul 9, 2026 · Resolved on /),
    ).toBeInTheDocument();
  });

  it('names anonymous comments by their place, since they keep no day', async () => {
    renderComments({
      flywheelApi: mockSurveyApi({
        getSurveyComments: jest.fn().mockResolvedValue({
          items: [
            {
              id: 'c9',
              surveyId: 'platform-nps',
              waveId: 'w3',
              questionId: 'recommend',
              text: 'No time is kept with this.',
              groupRef: 'group:default/engineering',
              tags: [],
              resolved: false,
            },
          ],
          totalCount: 1,
          withheld: 0,
        }),
      }),
    });

    const article = await screen.findByRole('article', { name: 'Comment 1' });
    expect(
      within(article).getByText('Anonymous · Engineering · How likely…?'),
    ).toBeInTheDocument();
  });

  it('says how many comments are withheld and why', async () => {
    renderComments({
      flywheelApi: mockSurveyApi({
        getSurveyComments: jest.fn().mockResolvedValue({
          items: [],
          totalCount: 0,
          withheld: 3,
          withheldReason: 'below-minimum',
        }),
      }),
    });

    expect(
      await screen.findByText(
        '3 comments are withheld: comments are shown only for groups of at least 8 responses.',
      ),
    ).toBeInTheDocument();
  });

  it('withholds without a count where the scope hides its numbers, and says to look higher up', async () => {
    renderComments({
      flywheelApi: mockSurveyApi({
        getSurveyComments: jest.fn().mockResolvedValue({
          items: [],
          totalCount: 0,
          withheld: 0,
          withheldReason: 'protects-another-group',
        }),
      }),
    });

    expect(
      await screen.findByText(
        'Comments are withheld: showing them would let the comments of a smaller team be worked out by subtraction. Look at the team above.',
      ),
    ).toBeInTheDocument();
  });

  it('asks for unresolved comments of the wave and scope first, and all on request', async () => {
    const flywheelApi = renderComments();

    await screen.findByRole('list', { name: 'Comments' });
    expect(flywheelApi.getSurveyComments).toHaveBeenCalledWith('platform-nps', {
      waveId: 'w3',
      groupRef: 'group:default/acme',
      resolved: false,
      tag: undefined,
      limit: 10,
      offset: 0,
    });

    await userEvent.click(screen.getByRole('radio', { name: 'All' }));
    await waitFor(() =>
      expect(flywheelApi.getSurveyComments).toHaveBeenLastCalledWith(
        'platform-nps',
        expect.objectContaining({ resolved: undefined }),
      ),
    );

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Tag' }),
      'CI{Enter}',
    );
    await waitFor(() =>
      expect(flywheelApi.getSurveyComments).toHaveBeenLastCalledWith(
        'platform-nps',
        expect.objectContaining({ tag: 'ci', offset: 0 }),
      ),
    );
  });

  it('tags, untags and resolves a comment through the API', async () => {
    const flywheelApi = renderComments();

    const first = await screen.findByRole('article', {
      name: 'Comment of Jul 8, 2026',
    });
    await userEvent.type(
      within(first).getByRole('textbox', { name: 'New tag' }),
      'Build speed',
    );
    await userEvent.click(
      within(first).getByRole('button', { name: 'Add tag' }),
    );
    await waitFor(() =>
      expect(flywheelApi.updateSurveyComment).toHaveBeenCalledWith(
        'platform-nps',
        'c1',
        { tags: ['ci', 'build speed'] },
      ),
    );

    await userEvent.click(
      within(first).getByRole('button', { name: 'Remove tag ci' }),
    );
    await waitFor(() =>
      expect(flywheelApi.updateSurveyComment).toHaveBeenLastCalledWith(
        'platform-nps',
        'c1',
        { tags: [] },
      ),
    );

    await userEvent.click(
      within(first).getByRole('button', { name: 'Mark resolved' }),
    );
    await waitFor(() =>
      expect(flywheelApi.updateSurveyComment).toHaveBeenLastCalledWith(
        'platform-nps',
        'c1',
        { resolved: true },
      ),
    );

    await userEvent.click(
      within(comment('Jul 9, 2026')).getByRole('button', { name: 'Reopen' }),
    );
    await waitFor(() =>
      expect(flywheelApi.updateSurveyComment).toHaveBeenLastCalledWith(
        'platform-nps',
        'c2',
        { resolved: false },
      ),
    );
    // Each change reloads the inbox.
    expect(flywheelApi.getSurveyComments.mock.calls.length).toBeGreaterThan(1);
  });

  it('explains a refused change', async () => {
    renderComments({
      flywheelApi: mockSurveyApi({
        updateSurveyComment: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    });

    const first = await screen.findByRole('article', {
      name: 'Comment of Jul 8, 2026',
    });
    await userEvent.click(
      within(first).getByRole('button', { name: 'Mark resolved' }),
    );
    expect(
      await within(first).findByText(
        /You are not allowed to tag or resolve comments: it needs the permission flywheel.surveys.manage/,
      ),
    ).toBeInTheDocument();
  });

  it('offers no triage to readers', async () => {
    renderComments({ canManage: false });

    await screen.findByRole('list', { name: 'Comments' });
    expect(screen.queryByRole('button', { name: 'Mark resolved' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'New tag' })).toBeNull();
  });

  it('pages through the comments', async () => {
    const flywheelApi = renderComments({
      flywheelApi: mockSurveyApi({
        getSurveyComments: jest
          .fn()
          .mockResolvedValue({ ...commentsResponse, totalCount: 12 }),
      }),
    });

    expect(await screen.findByText('1–2 of 12')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(flywheelApi.getSurveyComments).toHaveBeenLastCalledWith(
        'platform-nps',
        expect.objectContaining({ offset: 10, limit: 10 }),
      ),
    );
  });
});

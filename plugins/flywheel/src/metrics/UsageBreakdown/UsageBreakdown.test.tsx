import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import {
  emptyUsage,
  mockFlywheelApi,
  responseError,
  usageByPlugin,
  usageByRoute,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { UsageBreakdown } from './UsageBreakdown';

function renderBreakdown(
  flywheelApi = mockFlywheelApi(),
  props: { window?: string; windowLabel?: string; scoped?: boolean } = {},
) {
  const rendered = renderInTestApp(
    <UsageBreakdown
      window={props.window ?? '26w'}
      windowLabel={props.windowLabel ?? 'Last 26 weeks'}
      scoped={props.scoped}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, rendered };
}

/** The rows of the data table, header and total included, as cell texts. */
async function tableRows(name: string) {
  await userEvent.click(screen.getByText('Show the data'));
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .map(row => [...row.querySelectorAll('th, td')].map(c => c.textContent));
}

describe('UsageBreakdown', () => {
  it('charts people and events per plugin over the window, with the data as a table', async () => {
    const { flywheelApi, rendered } = renderBreakdown();

    const section = await screen.findByRole('region', {
      name: 'Usage per plugin',
    });
    expect(
      await within(section).findByRole('img', {
        name: 'Usage per plugin, last 26 weeks: 57 people and 1,790 events in all. Most people: catalog (55 people, 1,200 events), techdocs (41 people, 320 events), scaffolder (22 people, 150 events).',
      }),
    ).toBeInTheDocument();
    expect(
      within(section).getByText(
        '57 people used the portal, with 1,790 events.',
      ),
    ).toBeInTheDocument();
    expect(flywheelApi.getUsageBreakdown).toHaveBeenCalledWith({
      by: 'plugin',
      window: '26w',
    });
    expect(await tableRows('Usage per plugin, last 26 weeks')).toEqual([
      ['Plugin', 'People', 'Events'],
      ['catalog', '55', '1,200'],
      ['techdocs', '41', '320'],
      ['scaffolder', '22', '150'],
      ['flywheel', '14', '120'],
      ['Everyone, all plugins', '57', '1,790'],
    ]);
    expect(
      screen.queryByText(/counted for the whole organisation/),
    ).not.toBeInTheDocument();
    await expectNoAxeViolations(rendered.container);
  });

  it('switches to routes, naming events outside any route and a cut-off list', async () => {
    const { flywheelApi, rendered } = renderBreakdown();

    await screen.findByRole('region', { name: 'Usage per plugin' });
    await userEvent.click(screen.getByRole('radio', { name: 'Route' }));

    expect(
      await screen.findByRole('region', { name: 'Usage per route' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getUsageBreakdown).toHaveBeenLastCalledWith({
      by: 'route',
      window: '26w',
    });
    expect(
      await screen.findByRole('img', {
        name: /^Usage per route, last 26 weeks: .* Most people: catalog:entity \(52 people, 800 events\), catalog \(50 people, 400 events\), techdocs \(outside any route\) \(41 people, 320 events\)\.$/,
      }),
    ).toBeInTheDocument();
    expect(await tableRows('Usage per route, last 26 weeks')).toEqual([
      ['Route', 'Plugin', 'People', 'Events'],
      ['catalog:entity', 'catalog', '52', '800'],
      ['catalog', 'catalog', '50', '400'],
      ['outside any route', 'techdocs', '41', '320'],
      ['Everyone, all routes', '', '57', '1,790'],
    ]);
    expect(
      screen.getByText(
        /Only the 3 routes with the most people are listed; there are more\./,
      ),
    ).toBeInTheDocument();
    await expectNoAxeViolations(rendered.container);
  });

  it('charts the ten rows with the most people and lists them all', async () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      pluginId: `plugin-${i}`,
      events: 100 - i,
      users: 30 - i,
    }));
    renderBreakdown(
      mockFlywheelApi({
        getUsageBreakdown: jest
          .fn()
          .mockResolvedValue({ ...usageByPlugin, items }),
      }),
    );

    expect(
      await screen.findByText(
        'The chart shows the 10 plugins with the most people; the data lists all 12.',
      ),
    ).toBeInTheDocument();
    expect(await tableRows('Usage per plugin, last 26 weeks')).toHaveLength(14);
  });

  it('says when the breakdown does not narrow to the chosen team', async () => {
    renderBreakdown(mockFlywheelApi(), { scoped: true, window: '90d' });

    expect(
      await screen.findByText(
        'Usage per plugin and route is counted for the whole organisation; the team, golden-path and entity filters do not narrow it.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a loading state, then says when nothing was recorded', async () => {
    let resolve: (value: typeof emptyUsage) => void = () => {};
    renderBreakdown(
      mockFlywheelApi({
        getUsageBreakdown: jest.fn().mockReturnValue(
          new Promise(r => {
            resolve = r;
          }),
        ),
      }),
    );

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    resolve(emptyUsage);
    expect(
      await screen.findByText(/^No usage was recorded in this window\./),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /docs\/metrics\.md/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('offers a retry after a failure', async () => {
    const error = await responseError(500, 'Error', 'Database unavailable');
    const getUsageBreakdown = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValue(usageByRoute);
    renderBreakdown(mockFlywheelApi({ getUsageBreakdown }));

    expect(
      await screen.findByText('Could not load the usage breakdown'),
    ).toBeInTheDocument();
    expect(screen.getByText('Database unavailable')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('57 people used the portal, with 1,790 events.'),
    ).toBeInTheDocument();
    expect(getUsageBreakdown).toHaveBeenCalledTimes(2);
  });

  it('names the missing permission when the backend refuses', async () => {
    const forbidden = await responseError(
      403,
      'NotAllowedError',
      'Unauthorized',
    );
    renderBreakdown(
      mockFlywheelApi({
        getUsageBreakdown: jest.fn().mockRejectedValue(forbidden),
      }),
    );
    expect(
      await screen.findByText(
        /it needs the permission flywheel\.metrics\.read/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Try again' }),
    ).not.toBeInTheDocument();
  });
});

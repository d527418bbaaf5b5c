import { useState } from 'react';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  UsageBreakdownBy,
  UsageBreakdownItem,
  UsageBreakdownResponse,
} from '@flywheel/plugin-flywheel-common';
import { Flex, Radio, RadioGroup, Text } from '@backstage/ui';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  TooltipProps,
  XAxis,
  YAxis,
} from 'recharts';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { METRICS_DOCS_URL } from '../NoMetricData';
import { refusedPermission } from '../permissions';
import styles from './UsageBreakdown.module.css';

const PEOPLE_COLOR = 'var(--bui-accent-bg, #1f5493)';
const EVENTS_COLOR = 'var(--bui-fg-secondary, #8a8a8a)';
/** The chart shows this many rows with the most people; the table all. */
export const CHART_ROWS = 10;
const ROW_HEIGHT = 36;

const TITLES: Record<UsageBreakdownBy, string> = {
  plugin: 'Usage per plugin',
  route: 'Usage per route',
};

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;
const people = (n: number) => count(n, 'person', 'people');
const events = (n: number) => count(n, 'event', 'events');

/** What a row is: its plugin, or its route (with its plugin). */
function rowName(item: UsageBreakdownItem, by: UsageBreakdownBy): string {
  if (by === 'plugin') {
    return item.pluginId;
  }
  return item.routeRef ?? `${item.pluginId} (outside any route)`;
}

interface Datum {
  name: string;
  users: number;
  events: number;
}

function RowTooltip(props: TooltipProps<number, string>) {
  const datum = props.payload?.[0]?.payload as Datum | undefined;
  if (!props.active || !datum) {
    return null;
  }
  return (
    <div className={styles.tooltip}>
      <strong>{datum.name}</strong>
      <div>{people(datum.users)}</div>
      <div>{events(datum.events)}</div>
    </div>
  );
}

/** The chart's words: the totals and the rows with the most people. */
function summaryText(
  value: UsageBreakdownResponse,
  windowLabel: string,
): string {
  const top = value.items
    .slice(0, 3)
    .map(
      item =>
        `${rowName(item, value.by)} (${people(item.users)}, ${events(
          item.events,
        )})`,
    );
  return `${TITLES[value.by]}, ${windowLabel.toLocaleLowerCase(
    'en-US',
  )}: ${people(value.total.users)} and ${events(
    value.total.events,
  )} in all. Most people: ${top.join(', ')}.`;
}

function BreakdownView(props: {
  value: UsageBreakdownResponse;
  windowLabel: string;
}) {
  const { value, windowLabel } = props;
  const { by, items } = value;
  const data: Datum[] = items.slice(0, CHART_ROWS).map(item => ({
    name: rowName(item, by),
    users: item.users,
    events: item.events,
  }));
  const summary = summaryText(value, windowLabel);
  const height = data.length * ROW_HEIGHT + 70;
  const caption = `${TITLES[by]}, ${windowLabel.toLocaleLowerCase('en-US')}`;

  return (
    <div className={styles.root}>
      <Text as="p">
        {people(value.total.users)} used the portal, with{' '}
        {events(value.total.events)}.
      </Text>
      <figure className={styles.figure}>
        <div role="img" aria-label={summary} style={{ height }}>
          <ResponsiveContainer
            width="100%"
            height={height}
            initialDimension={{ width: 640, height }}
          >
            <BarChart
              data={data}
              layout="vertical"
              desc={summary}
              margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
              barGap={2}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <YAxis
                type="category"
                dataKey="name"
                width={170}
                tick={{ fontSize: 11 }}
                interval={0}
              />
              {/* People and events differ by orders of magnitude: one axis each. */}
              <XAxis
                xAxisId="users"
                type="number"
                orientation="top"
                allowDecimals={false}
                tick={{ fontSize: 11 }}
              />
              <XAxis
                xAxisId="events"
                type="number"
                orientation="bottom"
                allowDecimals={false}
                tick={{ fontSize: 11 }}
              />
              <Tooltip content={<RowTooltip />} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar
                xAxisId="users"
                dataKey="users"
                name="People (top axis)"
                fill={PEOPLE_COLOR}
                isAnimationActive={false}
              />
              <Bar
                xAxisId="events"
                dataKey="events"
                name="Events (bottom axis)"
                fill={EVENTS_COLOR}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      {items.length > CHART_ROWS && (
        <Text as="p" variant="body-small" color="secondary">
          The chart shows the {CHART_ROWS} {by}s with the most people; the data
          lists all {items.length}.
        </Text>
      )}
      <details className={styles.details}>
        <summary>
          <Text variant="body-small">Show the data</Text>
        </summary>
        <div
          className={styles.tableScroll}
          role="region"
          aria-label={`${TITLES[by]} data`}
          // A scrollable region must take focus so keyboard users can scroll it.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
        >
          <table className={styles.table}>
            <caption className={styles.caption}>{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.text}>
                  {by === 'plugin' ? 'Plugin' : 'Route'}
                </th>
                {by === 'route' && (
                  <th scope="col" className={styles.text}>
                    Plugin
                  </th>
                )}
                <th scope="col">People</th>
                <th scope="col">Events</th>
              </tr>
            </thead>
            <tbody>
              {items.map(item => (
                <tr key={`${item.pluginId}\u0000${item.routeRef ?? ''}`}>
                  <th scope="row">
                    {by === 'plugin'
                      ? item.pluginId
                      : item.routeRef ?? 'outside any route'}
                  </th>
                  {by === 'route' && (
                    <td className={styles.text}>{item.pluginId}</td>
                  )}
                  <td>{item.users.toLocaleString()}</td>
                  <td>{item.events.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Everyone, all {by}s</th>
                {by === 'route' && <td />}
                <td>{value.total.users.toLocaleString()}</td>
                <td>{value.total.events.toLocaleString()}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
      <Text as="p" variant="body-small" color="secondary">
        A person who used several {by}s counts in each of them, and once in the
        total.
        {value.truncated &&
          ` Only the ${items.length} ${by}s with the most people are listed; there are more.`}
      </Text>
    </div>
  );
}

/**
 * Which plugins, or routes, people use: distinct people and events of each
 * over the window, as a horizontal bar chart of the rows with the most
 * people, with a text summary and the numbers in a table. The backend's
 * breakdown is of the whole organisation: with a team, golden path or
 * entity chosen, it says so rather than pretend to narrow it.
 */
export function UsageBreakdown(props: {
  /** The window in the backend's notation, e.g. `26w`. */
  window: string;
  /** The window in words, e.g. "Last 26 weeks". */
  windowLabel: string;
  /** A team, golden path or entity is chosen: the breakdown does not narrow to it. */
  scoped?: boolean;
}) {
  const { window, windowLabel, scoped } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [by, setBy] = useState<UsageBreakdownBy>('plugin');
  const { value, loading, error, retry } = useAsyncRetry(
    () => flywheelApi.getUsageBreakdown({ by, window }),
    [flywheelApi, by, window],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <LoadErrorAlert
        title="Could not load the usage breakdown"
        error={error}
        onRetry={retry}
        permission={refusedPermission(error)}
      />
    );
  } else if (value && value.total.events === 0) {
    content = (
      <Text as="p" color="secondary">
        No usage was recorded in this window. Usage is recorded by Flywheel's
        analytics module in the app; see{' '}
        <Link to={`${METRICS_DOCS_URL}#platform-usage`}>docs/metrics.md</Link>.
      </Text>
    );
  } else if (value) {
    content = <BreakdownView value={value} windowLabel={windowLabel} />;
  }

  return (
    <section aria-labelledby="flywheel-usage-breakdown">
      <Flex direction="column" gap="3">
        <Text
          as="h4"
          id="flywheel-usage-breakdown"
          variant="body-medium"
          weight="bold"
        >
          {TITLES[by]}
        </Text>
        {scoped && (
          <Text as="p" variant="body-small" color="secondary">
            Usage per plugin and route is counted for the whole organisation;
            the team, golden-path and entity filters do not narrow it.
          </Text>
        )}
        <RadioGroup
          label="Break down by"
          orientation="horizontal"
          value={by}
          onChange={v => setBy(v as UsageBreakdownBy)}
        >
          <Radio value="plugin">Plugin</Radio>
          <Radio value="route">Route</Radio>
        </RadioGroup>
        {content}
      </Flex>
    </section>
  );
}

import { Link } from '@backstage/core-components';
import { Alert, Text } from '@backstage/ui';

/** Where connecting CI/CD and the metric definitions are explained. */
export const METRICS_DOCS_URL =
  'https://github.com/flywheel-dev/flywheel/blob/main/docs/metrics.md';

/**
 * A metric without a single sample in the window. For value-stream metrics
 * that means no deployment was reported, which usually means CI/CD does not
 * report to Flywheel yet: say so and where to read how.
 */
export function NoMetricData(props: {
  domain: string;
  /** Whose numbers: "the whole organisation", a team, a service. */
  subject: string;
  /** The whole organisation: nothing at all was reported, not just here. */
  orgWide: boolean;
  /** The page already says no deployment was reported: do not repeat it. */
  deploymentsExplained?: boolean;
}) {
  const { domain, subject, orgWide, deploymentsExplained } = props;
  if (domain !== 'valueStream' || deploymentsExplained) {
    return (
      <Text as="p" color="secondary">
        No data for {subject} in this window.
      </Text>
    );
  }
  return (
    <Alert
      status="info"
      icon
      title={
        orgWide
          ? 'No deployments reported yet'
          : `No deployments reported for ${subject} in this window`
      }
      description={
        <>
          Value-stream metrics are computed from the production deployments your
          CI/CD reports to Flywheel. See{' '}
          {/* Underlined: on the alert's blue text its colour alone does not
              set it apart (WCAG 1.4.1). */}
          <Link to={METRICS_DOCS_URL} underline="always">
            docs/metrics.md
          </Link>{' '}
          to connect CI.
        </>
      }
    />
  );
}

import { Button, Flex, Text } from '@backstage/ui';
import { MaturityBoard } from '../MaturityBoard';
import { OutcomeDashboard } from '../OutcomeDashboard';
import { TransitionTimeline } from '../TransitionTimeline';
import { useMaturityCapabilities } from '../useMaturityCapabilities';
import styles from './ProductDashboardPage.module.css';

/**
 * The Overview tab, the Flywheel page's home (`/flywheel/overview`): the
 * platform as a product on one page — its outcomes against their targets,
 * its capabilities' maturity and the latest stage changes. "Print / export"
 * prints it without the app's navigation and buttons (or saves it as PDF);
 * the stage changes export as CSV.
 */
export function ProductDashboardPage() {
  const capabilities = useMaturityCapabilities();
  return (
    <div className={styles.root}>
      <Flex direction="column" gap="5">
        <Flex justify="between" align="center" gap="3" className={styles.top}>
          <div>
            <Text as="h2" variant="title-small" weight="bold">
              Product dashboard
            </Text>
            <Text as="p" variant="body-small" color="secondary">
              How the platform serves its developers, and how mature each of its
              capabilities is.
            </Text>
          </div>
          <div data-print-hide>
            <Button variant="secondary" onPress={() => window.print()}>
              Print / export
            </Button>
          </div>
        </Flex>
        <OutcomeDashboard />
        <MaturityBoard capabilities={capabilities} />
        <TransitionTimeline titles={capabilities.titles} />
      </Flex>
    </div>
  );
}

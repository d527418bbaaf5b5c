import { Flex } from '@backstage/ui';
import { Route, Routes } from 'react-router-dom';
import { CapabilityPage } from '../CapabilityPage';
import { MaturityBoard } from '../MaturityBoard';
import { TransitionTimeline } from '../TransitionTimeline';
import { useMaturityCapabilities } from '../useMaturityCapabilities';
import styles from './MaturityPage.module.css';

function MaturityOverview() {
  const capabilities = useMaturityCapabilities();
  return (
    <Flex direction="column" gap="5">
      <MaturityBoard capabilities={capabilities} />
      <TransitionTimeline titles={capabilities.titles} />
    </Flex>
  );
}

/**
 * The Maturity tab of the Flywheel page (`/flywheel/maturity`): the board
 * of capabilities by stage and every stage change; one capability at
 * `:kind/:namespace/:name`, where the board's cards link.
 */
export function MaturityPage() {
  return (
    <div className={styles.root}>
      <Routes>
        <Route path="/" element={<MaturityOverview />} />
        <Route path=":kind/:namespace/:name" element={<CapabilityPage />} />
      </Routes>
    </div>
  );
}

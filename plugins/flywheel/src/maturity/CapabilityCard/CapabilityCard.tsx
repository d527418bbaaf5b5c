import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { MaturityCapability } from '@flywheel/plugin-flywheel-common';
import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import { formatDate } from '../../shared/format';
import styles from './CapabilityCard.module.css';

/** "2 of 4 exit criteria met"; "No exit criteria" for a stage without any. */
export function progressText(progress: { met: number; total: number }) {
  if (progress.total === 0) {
    return 'No exit criteria';
  }
  return `${progress.met} of ${progress.total} exit criteria met`;
}

/**
 * A capability on the board: its title (linking to its page), owners, how
 * long it has been in its stage, its exit criteria met so far as a bar and
 * in words, and what keeps it from the next stage.
 */
export function CapabilityCard(props: {
  capability: MaturityCapability;
  /** Its page; absent when the app has no Flywheel page to link to. */
  href?: string;
}) {
  const { capability, href } = props;
  const { progress, next, blockers } = capability;
  const share = progress.total === 0 ? 1 : progress.met / progress.total;
  let outlook;
  if (!next) {
    outlook = (
      <Text variant="body-small" color="secondary">
        Last stage of {capability.model.title}
      </Text>
    );
  } else if (blockers.length === 0) {
    outlook = <Text variant="body-small">Ready for {next.title}</Text>;
  } else {
    outlook = (
      <div>
        <Text variant="body-small" weight="bold">
          Blocks {next.title}:
        </Text>
        <ul className={styles.blockers}>
          {blockers.map(blocker => (
            <li key={blocker}>
              <Text variant="body-small">{blocker}</Text>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <Card className={styles.card}>
      <CardHeader>
        <Text as="h4" variant="body-medium" weight="bold">
          {href ? (
            <Link href={href}>{capability.title}</Link>
          ) : (
            capability.title
          )}
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          {capability.owners.length > 0 && (
            <Text variant="body-small" color="secondary">
              Owned by{' '}
              <EntityRefLinks
                entityRefs={capability.owners}
                defaultKind="group"
              />
            </Text>
          )}
          <Text variant="body-small" color="secondary">
            {capability.since
              ? `In ${capability.stage.title} since ${formatDate(
                  capability.since,
                )}`
              : `In ${capability.stage.title}, never moved`}
          </Text>
          <div>
            <div className={styles.bar} aria-hidden="true">
              <div
                className={styles.barFill}
                style={{ width: `${Math.round(share * 100)}%` }}
              />
            </div>
            <Text variant="body-small">{progressText(progress)}</Text>
          </div>
          {outlook}
        </Flex>
      </CardBody>
    </Card>
  );
}

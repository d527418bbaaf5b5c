import { useId } from 'react';
import { GoldenPathService } from '@flywheel/plugin-flywheel-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import styles from './DriftedServices.module.css';
import statusText from '../../shared/statusText.module.css';

/**
 * Services still on an older version of their golden path: the list a path
 * owner works through after a release.
 */
export function DriftedServices(props: {
  services: GoldenPathService[];
  currentVersion?: string;
}) {
  const { services, currentVersion } = props;
  const headingId = useId();

  if (services.length === 0) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        Every service from this path is on the current version.
      </Text>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <Text as="h4" id={headingId} variant="body-medium" weight="bold">
        On an older version ({services.length})
      </Text>
      <ul className={styles.list}>
        {services.map(service => (
          <li key={service.entityRef} className={styles.item}>
            <EntityRefLink entityRef={service.entityRef} hideIcon>
              {service.title}
            </EntityRefLink>
            <Text variant="body-small">
              <span className={statusText.warning}>
                {service.templateVersion ?? 'unknown version'}
                {currentVersion ? ` → ${currentVersion}` : ''}
              </span>
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

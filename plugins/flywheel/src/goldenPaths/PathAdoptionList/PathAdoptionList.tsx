import { PathAdoption } from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import { formatPercent } from '../../shared/format';
import styles from './PathAdoptionList.module.css';

function servicesLabel(count: number) {
  return count === 1 ? '1 component' : `${count} components`;
}

/** Adoption of each golden path within a team, largest first. */
export function PathAdoptionList(props: { paths: PathAdoption[] }) {
  if (props.paths.length === 0) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        No golden paths are defined yet.
      </Text>
    );
  }
  return (
    <ul className={styles.list} aria-label="Adoption per golden path">
      {props.paths.map(path => (
        <li key={path.templateRef} className={styles.item}>
          <div className={styles.row}>
            <Text variant="body-medium">{path.title}</Text>
            <Text variant="body-small" color="secondary">
              {servicesLabel(path.count)} · {formatPercent(path.percent)}
            </Text>
          </div>
          {/* Decorative: the numbers are in the text above. */}
          <div className={styles.track} aria-hidden="true">
            <div
              className={styles.bar}
              style={{ width: `${Math.min(Math.max(path.percent, 0), 100)}%` }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}

import { ScorecardInfo } from '@flywheel/plugin-flywheel-common';
import { Badge, VisuallyHidden } from '@backstage/ui';
import { levelTitle, levelTone } from '../model';
import levelStyles from '../levels.module.css';
import styles from './LevelBadge.module.css';

/** The level reached, in its colour and by name ("No level" when none). */
export function LevelBadge(props: {
  scorecard: Pick<ScorecardInfo, 'levels'>;
  level: string | undefined | null;
}) {
  const { scorecard, level } = props;
  const tone = levelTone(scorecard, level);
  return (
    <Badge
      size="small"
      className={`${styles.badge} ${levelStyles[tone] ?? ''}`}
      data-tone={tone}
    >
      <VisuallyHidden>Level: </VisuallyHidden>
      {levelTitle(scorecard, level)}
    </Badge>
  );
}

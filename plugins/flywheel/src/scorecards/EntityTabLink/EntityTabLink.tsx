import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import { useEntityTabLink } from '../hooks';

/**
 * A link to a tab of an entity's page (its Scorecards or Team scorecard
 * tab), named by the entity's display name.
 */
export function EntityTabLink(props: {
  entityRef: string;
  tab: string;
  scorecardId?: string;
  variant?: 'body-medium' | 'body-small';
}) {
  const { entityRef, tab, scorecardId, variant } = props;
  const tabLink = useEntityTabLink();
  const { primaryTitle } = useEntityPresentation(entityRef);
  return (
    <Link href={tabLink(entityRef, tab, scorecardId)} variant={variant}>
      {primaryTitle}
    </Link>
  );
}

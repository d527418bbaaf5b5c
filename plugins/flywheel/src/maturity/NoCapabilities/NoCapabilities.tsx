import { EmptyState, Link } from '@backstage/core-components';
import { Text } from '@backstage/ui';
import { MATURITY_DOCS_URL } from '../links';

/**
 * The board without capabilities: how an entity becomes one (the
 * `capability` tag by default, or the configured catalog filter).
 */
export function NoCapabilities() {
  return (
    <EmptyState
      missing="data"
      title="No capabilities yet"
      description="Flywheel tracks the maturity of the catalog entities marked as platform capabilities: by default, entities tagged capability. Add the tag to an entity's metadata.tags, or choose which entities count with flywheel.maturity.capabilities.filter in app-config.yaml."
      action={
        <Text as="p">
          See <Link to={MATURITY_DOCS_URL}>docs/maturity.md</Link> for how to
          mark capabilities and configure their maturity model.
        </Text>
      }
    />
  );
}

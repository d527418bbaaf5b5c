import { EmptyState, Link } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import styles from './NoGoldenPaths.module.css';

const DOCS_URL =
  'https://github.com/flywheel-dev/flywheel/blob/main/docs/golden-paths.md';

const LABEL_EXAMPLE = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: typescript-service
  labels:
    flywheel.dev/golden-path: 'true'
  annotations:
    flywheel.dev/template-version: '1.0.0'`;

/** Shown until a platform team marks its first template as a golden path. */
export function NoGoldenPaths() {
  return (
    <EmptyState
      missing="data"
      title="No golden paths yet"
      description="A golden path is a scaffolder template your platform team recommends. Flywheel counts a template as one when it carries the label flywheel.dev/golden-path: 'true'."
      action={
        <Flex direction="column" gap="3">
          <Text as="p">
            Add the label (and a template version, so Flywheel can tell which
            services drifted) to a Template entity:
          </Text>
          <pre className={styles.example} aria-label="Example Template">
            {LABEL_EXAMPLE}
          </pre>
          <Text as="p">
            See <Link to={DOCS_URL}>docs/golden-paths.md</Link> for the
            annotations Flywheel reads and how adoption is counted.
          </Text>
        </Flex>
      }
    />
  );
}

import { Progress } from '@backstage/core-components';
import {
  MaturityCapabilitiesResponse,
  MaturityCapability,
} from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { Section } from '../../shared/Section';
import { CapabilityCard } from '../CapabilityCard';
import { NoCapabilities } from '../NoCapabilities';
import { useCapabilityLink } from '../links';
import { refusedRead } from '../permissions';
import {
  CapabilitiesState,
  useMaturityCapabilities,
} from '../useMaturityCapabilities';
import styles from './MaturityBoard.module.css';

interface Column {
  id: string;
  title: string;
  items: MaturityCapability[];
}

/**
 * One column per stage of the default model, in order, capabilities by
 * title; a capability in a stage the default model lacks (it follows
 * another model) goes to a last column.
 */
export function boardColumns(response: MaturityCapabilitiesResponse): Column[] {
  const columns: Column[] = response.stages.map(stage => ({
    ...stage,
    items: [],
  }));
  const other: Column = { id: '', title: 'Other models', items: [] };
  for (const capability of response.items) {
    const column = columns.find(c => c.id === capability.stage.id);
    (column ?? other).items.push(capability);
  }
  for (const column of columns) {
    column.items.sort((a, b) => a.title.localeCompare(b.title));
  }
  return other.items.length > 0 ? [...columns, other] : columns;
}

function BoardView(props: { state: CapabilitiesState }) {
  const { value, loading, error, retry } = props.state;
  const capabilityLink = useCapabilityLink();
  let body;
  if (!value && loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadErrorAlert
        title="Could not load the capabilities"
        error={error}
        onRetry={retry}
        permission={refusedRead(error)}
      />
    );
  } else if (!value || value.items.length === 0) {
    body = <NoCapabilities />;
  } else {
    const columns = boardColumns(value);
    const columnsCount = columns.length;
    body = (
      <HorizontalScroll
        label="Capabilities by stage"
        minWidth={`${16 * columnsCount}rem`}
      >
        <div className={styles.columns}>
          {columns.map(column => (
            <section
              key={column.id || 'other'}
              className={styles.column}
              aria-labelledby={`maturity-stage-${column.id || 'other'}`}
            >
              <Text
                as="h4"
                variant="body-medium"
                weight="bold"
                id={`maturity-stage-${column.id || 'other'}`}
                className={styles.columnTitle}
              >
                {column.title} ({column.items.length})
              </Text>
              {column.items.length === 0 ? (
                <Text variant="body-small" color="secondary">
                  No capability in this stage.
                </Text>
              ) : (
                <ul className={styles.cards}>
                  {column.items.map(capability => (
                    <li key={capability.entityRef}>
                      <CapabilityCard
                        capability={capability}
                        href={capabilityLink?.(capability.entityRef)}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      </HorizontalScroll>
    );
  }
  return <Section title="Capability maturity">{body}</Section>;
}

function LoadedBoard() {
  return <BoardView state={useMaturityCapabilities()} />;
}

/**
 * The capabilities as columns by maturity stage, each a card with its exit
 * criteria met so far, owners, time in the stage and blockers, linking to
 * the capability's page. Loads the capabilities unless a page that also
 * needs them passes them.
 */
export function MaturityBoard(props: { capabilities?: CapabilitiesState }) {
  return props.capabilities ? (
    <BoardView state={props.capabilities} />
  ) : (
    <LoadedBoard />
  );
}

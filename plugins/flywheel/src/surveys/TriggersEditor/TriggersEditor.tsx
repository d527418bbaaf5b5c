import { SurveyTrigger } from '@flywheel/plugin-flywheel-common';
import { Button, Flex, Select, Text, TextField } from '@backstage/ui';
import { KNOWN_TRIGGER_EVENTS } from '../surveyFormat';
import styles from './TriggersEditor.module.css';

const TYPE_OPTIONS = [
  { id: 'wave-open', label: 'When a wave opens' },
  { id: 'event', label: 'After an event' },
  { id: 'route', label: 'On visiting a page' },
];

function triggerOfType(type: string): SurveyTrigger {
  if (type === 'event') {
    return { type: 'event', event: '' };
  }
  if (type === 'route') {
    return { type: 'route', pathPrefix: '/' };
  }
  return { type: 'wave-open' };
}

function eventOptions(current: string) {
  const known = KNOWN_TRIGGER_EVENTS.map(e => ({
    id: e.id,
    label: e.id,
    description: e.label,
  }));
  return current && !known.some(e => e.id === current)
    ? [...known, { id: current, label: current, description: 'Custom event' }]
    : known;
}

/**
 * What makes the survey prompt someone while a wave is open: the wave
 * opening, a backend event for that person, or visiting pages under a path.
 */
export function TriggersEditor(props: {
  triggers: SurveyTrigger[];
  onChange: (triggers: SurveyTrigger[]) => void;
  isDisabled?: boolean;
  /** Problems by trigger (`triggers.0`), shown when `showErrors`. */
  errors?: Record<string, string>;
  showErrors?: boolean;
}) {
  const { triggers, onChange, errors = {}, showErrors } = props;
  const isDisabled = !!props.isDisabled;
  const replace = (index: number, trigger: SurveyTrigger) =>
    onChange(triggers.map((t, i) => (i === index ? trigger : t)));
  const error = (index: number) => () =>
    showErrors ? errors[`triggers.${index}`] : undefined;

  return (
    <Flex direction="column" gap="3">
      {triggers.length === 0 && (
        <Text as="p" variant="body-small" color="secondary">
          No trigger: people in the audience are asked as soon as a wave opens.
        </Text>
      )}
      <ol className={styles.list} aria-label="Triggers">
        {triggers.map((trigger, index) => {
          const number = index + 1;
          return (
            // Triggers have no id; the position keys the row.
            // eslint-disable-next-line react/no-array-index-key
            <li key={index} className={styles.row}>
              <Select
                label={`Trigger ${number}`}
                options={TYPE_OPTIONS}
                value={trigger.type}
                onChange={key =>
                  key && replace(index, triggerOfType(String(key)))
                }
                isDisabled={isDisabled}
              />
              {trigger.type === 'event' && (
                <Select
                  label="Event"
                  placeholder="Choose an event"
                  options={eventOptions(trigger.event)}
                  value={trigger.event || null}
                  onChange={key =>
                    replace(index, {
                      type: 'event',
                      event: key ? String(key) : '',
                    })
                  }
                  isDisabled={isDisabled}
                  validationBehavior="aria"
                  validate={error(index)}
                />
              )}
              {trigger.type === 'route' && (
                <TextField
                  label="Path prefix"
                  description="Asks on any page whose path starts with this, e.g. /create."
                  value={trigger.pathPrefix}
                  onChange={pathPrefix =>
                    replace(index, { type: 'route', pathPrefix })
                  }
                  isDisabled={isDisabled}
                  validationBehavior="aria"
                  validate={error(index)}
                />
              )}
              {trigger.type === 'wave-open' && (
                <Text
                  variant="body-small"
                  color="secondary"
                  className={styles.hint}
                >
                  Everyone in the audience, as soon as a wave opens.
                </Text>
              )}
              <div className={styles.remove}>
                {/* Not `destructive`: Backstage UI's red text on white is
                    4.0:1, under AA. */}
                <Button
                  size="small"
                  variant="tertiary"
                  isDisabled={isDisabled}
                  onPress={() =>
                    onChange(triggers.filter((_, i) => i !== index))
                  }
                  aria-label={`Remove trigger ${number}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          size="small"
          variant="secondary"
          isDisabled={isDisabled}
          onPress={() =>
            onChange([
              ...triggers,
              triggers.some(t => t.type === 'wave-open')
                ? { type: 'event', event: '' }
                : { type: 'wave-open' },
            ])
          }
        >
          Add trigger
        </Button>
      </div>
    </Flex>
  );
}

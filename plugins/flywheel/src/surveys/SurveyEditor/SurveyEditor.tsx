import { FormEvent, ReactNode, useMemo, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Survey,
  SurveyDefinition,
  SurveySchedule,
  surveyTemplate,
} from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Button,
  ButtonLink,
  DatePicker,
  Flex,
  Link,
  NumberField,
  Radio,
  RadioGroup,
  Switch,
  Text,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import {
  CalendarDate,
  getLocalTimeZone,
  parseAbsolute,
  toCalendarDate,
} from '@internationalized/date';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { Section } from '../../shared/Section';
import { actionErrorMessage, serverMessage } from '../../shared/errors';
import { AudienceEditor } from '../AudienceEditor';
import {
  blankDefinition,
  cleanDefinition,
  definitionOf,
  validateDefinition,
} from '../surveyDefinition';
import { useSurveyPaths } from '../surveyHooks';
import { QuestionsEditor } from '../QuestionsEditor';
import { TriggersEditor } from '../TriggersEditor';
import statusText from '../../shared/statusText.module.css';
import styles from './SurveyEditor.module.css';

const MANAGE = {
  doing: 'create or change surveys',
  permission: 'flywheel.surveys.manage',
};

function toDate(iso: string | undefined): CalendarDate | null {
  if (!iso) {
    return null;
  }
  try {
    return toCalendarDate(parseAbsolute(iso, getLocalTimeZone()));
  } catch {
    return null;
  }
}

/** The beginning of a day in the user's zone, as an ISO date-time. */
function fromDate(date: CalendarDate | null): string | undefined {
  return date ? date.toDate(getLocalTimeZone()).toISOString() : undefined;
}

function Field(props: { children: ReactNode }) {
  return <div className={styles.field}>{props.children}</div>;
}

function ScheduleFields(props: {
  schedule: SurveySchedule;
  onChange: (schedule: SurveySchedule) => void;
  isDisabled: boolean;
  error: (field: string) => () => string | undefined;
}) {
  const { schedule, onChange, isDisabled, error } = props;
  const setRecurrence = (value: string) => {
    const recurrence = value as SurveySchedule['recurrence'];
    if (recurrence === 'none') {
      const opens = toDate(schedule.opensAt);
      onChange({
        ...schedule,
        recurrence,
        closesAt:
          schedule.closesAt ??
          (opens ? fromDate(opens.add({ days: 14 })) : undefined),
      });
    } else {
      onChange({
        ...schedule,
        recurrence,
        waveDays: schedule.waveDays ?? 14,
      });
    }
  };
  return (
    <Flex direction="column" gap="4">
      <div className={styles.row}>
        <DatePicker
          label="Opens on"
          description="The first wave opens when this day begins."
          isRequired
          value={toDate(schedule.opensAt)}
          onChange={value =>
            onChange({
              ...schedule,
              opensAt: fromDate(value as CalendarDate | null) ?? '',
            })
          }
          isDisabled={isDisabled}
          validationBehavior="aria"
          validate={error('schedule.opensAt')}
        />
        {schedule.recurrence === 'none' ? (
          <DatePicker
            label="Closes on"
            description="The survey closes when this day begins."
            isRequired
            value={toDate(schedule.closesAt)}
            onChange={value =>
              onChange({
                ...schedule,
                closesAt: fromDate(value as CalendarDate | null),
              })
            }
            isDisabled={isDisabled}
            validationBehavior="aria"
            validate={error('schedule.closesAt')}
          />
        ) : (
          <NumberField
            label="Days each wave is open"
            description="A new wave opens every period; it takes answers for this many days."
            minValue={1}
            step={1}
            value={schedule.waveDays ?? 14}
            onChange={waveDays => onChange({ ...schedule, waveDays })}
            isDisabled={isDisabled}
            validationBehavior="aria"
            validate={error('schedule.waveDays')}
          />
        )}
      </div>
      <RadioGroup
        label="Repeats"
        value={schedule.recurrence}
        onChange={setRecurrence}
        isDisabled={isDisabled}
        orientation="horizontal"
      >
        <Radio value="none">Once</Radio>
        <Radio value="monthly">Every month</Radio>
        <Radio value="quarterly">Every quarter</Radio>
      </RadioGroup>
    </Flex>
  );
}

/** The form itself, for a new survey (no `survey`) or an existing one. */
export function SurveyDefinitionForm(props: {
  /** The survey being edited; absent when creating one. */
  survey?: Survey;
  initial: SurveyDefinition;
  /** A note above the form, e.g. which template it started from. */
  notice?: ReactNode;
}) {
  const { survey, initial, notice } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const navigate = useNavigate();
  const paths = useSurveyPaths();
  const [definition, setDefinition] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string>();

  const readOnly = survey?.source === 'config';
  const questionsLocked = readOnly || !!survey?.questionsLocked;
  const errors = useMemo(() => validateDefinition(definition), [definition]);
  const hasErrors = Object.keys(errors).length > 0;
  const error = (field: string) => () => submitted ? errors[field] : undefined;
  const update = (patch: Partial<SurveyDefinition>) =>
    setDefinition(d => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || submitting) {
      return;
    }
    setSubmitted(true);
    setServerError(undefined);
    if (hasErrors) {
      return;
    }
    setSubmitting(true);
    try {
      const cleaned = cleanDefinition(definition);
      const saved = survey
        ? await flywheelApi.updateSurvey(survey.id, cleaned)
        : await flywheelApi.createSurvey(cleaned);
      navigate(paths.results(saved.id));
    } catch (e) {
      setServerError(actionErrorMessage(e as Error, MANAGE));
      setSubmitting(false);
    }
  };

  let heading = 'New survey';
  if (survey) {
    heading = readOnly ? survey.title : `Edit ${survey.title}`;
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={heading}
      className={statusText.fieldErrors}
    >
      <Flex direction="column" gap="4">
        <Flex justify="between" align="center" className={styles.header}>
          <Text as="h2" variant="title-small" weight="bold">
            {heading}
          </Text>
          <Flex gap="3" align="center">
            {survey && (
              <Link href={paths.respond(survey.id, { preview: true })}>
                Preview
              </Link>
            )}
            <Link href={survey ? paths.results(survey.id) : paths.list}>
              {survey ? 'Back to results' : 'Back to surveys'}
            </Link>
          </Flex>
        </Flex>
        {readOnly && (
          <Alert
            status="info"
            icon
            title="Defined in app-config"
            description="This survey is configured under flywheel.surveys in app-config, so it is read-only here. Change it in the configuration and restart Backstage."
          />
        )}
        {notice}

        <Section title="About">
          <Flex direction="column" gap="4">
            <TextField
              label="Title"
              isRequired
              value={definition.title}
              onChange={title => update({ title })}
              isDisabled={readOnly}
              validationBehavior="aria"
              validate={error('title')}
            />
            <TextAreaField
              label="Description"
              description="Shown to people above the questions: why you ask and what you do with the answers."
              rows={3}
              value={definition.description ?? ''}
              onChange={description => update({ description })}
              isDisabled={readOnly}
            />
            <Field>
              <Switch
                label="Anonymous"
                isSelected={definition.anonymous}
                onChange={anonymous => update({ anonymous })}
                isDisabled={readOnly || questionsLocked}
              />
              <Text as="p" variant="body-small" color="secondary">
                {definition.anonymous
                  ? 'Anonymous: answers are stored without who gave them, so nobody, administrators included, can tell who answered what, and people cannot see or change their answer later. Results and comments of a team are shown only when enough of its members answered.'
                  : 'Identified: answers are stored with who gave them, so people can change their answer during a wave. Results still show only teams with enough responses, and no screen shows who answered what.'}
                {questionsLocked &&
                  !readOnly &&
                  ' This cannot change once a wave has responses.'}
              </Text>
            </Field>
          </Flex>
        </Section>

        <Section title="Questions">
          <Flex direction="column" gap="3">
            {questionsLocked && !readOnly && (
              <Alert
                status="warning"
                icon
                title="Questions are locked"
                description="A wave of this survey already has responses; changing the questions now would make those answers and the trend across waves meaningless. To ask something else, create a new survey."
              />
            )}
            <QuestionsEditor
              questions={definition.questions}
              onChange={questions => update({ questions })}
              isDisabled={questionsLocked}
              errors={errors}
              showErrors={submitted}
            />
          </Flex>
        </Section>

        <Section title="Audience">
          <Flex direction="column" gap="4">
            <AudienceEditor
              audience={definition.audience}
              onChange={audience => update({ audience })}
              isDisabled={readOnly}
              error={submitted ? errors.audience : undefined}
            />
            <Field>
              <NumberField
                label="Share of the audience asked (%)"
                description="Each wave asks a random sample of this size, so that people are not asked every time."
                minValue={1}
                maxValue={100}
                step={1}
                value={definition.samplingPercent}
                onChange={samplingPercent => update({ samplingPercent })}
                isDisabled={readOnly}
                validationBehavior="aria"
                validate={error('samplingPercent')}
              />
            </Field>
          </Flex>
        </Section>

        <Section title="Schedule">
          <ScheduleFields
            schedule={definition.schedule}
            onChange={schedule => update({ schedule })}
            isDisabled={readOnly}
            error={error}
          />
        </Section>

        <Section title="Triggers">
          <TriggersEditor
            triggers={definition.triggers}
            onChange={triggers => update({ triggers })}
            isDisabled={readOnly}
            errors={errors}
            showErrors={submitted}
          />
        </Section>

        {!readOnly && (
          <Flex direction="column" gap="3">
            {submitted && hasErrors && (
              <Alert
                status="danger"
                icon
                title="Some fields need attention"
                description="Fix the marked fields, then save again."
              />
            )}
            {serverError && (
              <Alert
                status="danger"
                icon
                title="The survey was not saved"
                description={serverError}
              />
            )}
            <Flex gap="3">
              <Button type="submit" variant="primary" isPending={submitting}>
                {survey ? 'Save changes' : 'Create survey'}
              </Button>
              <ButtonLink
                variant="secondary"
                href={survey ? paths.results(survey.id) : paths.list}
              >
                Cancel
              </ButtonLink>
            </Flex>
          </Flex>
        )}
      </Flex>
    </form>
  );
}

function EditExisting(props: { surveyId: string }) {
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error } = useAsync(
    () => flywheelApi.getSurvey(props.surveyId),
    [flywheelApi, props.surveyId],
  );
  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <ResponseErrorPanel
        title={`Could not load the survey: ${
          error ? serverMessage(error) : 'not found'
        }`}
        error={error ?? new Error('Survey not found')}
      />
    );
  }
  return <SurveyDefinitionForm survey={value} initial={definitionOf(value)} />;
}

function CreateNew() {
  const [searchParams] = useSearchParams();
  const templateId = searchParams.get('template');
  const [{ initial, notice }] = useState(() => {
    const now = new Date();
    const template = templateId ? surveyTemplate(templateId, now) : undefined;
    if (template) {
      return {
        initial: template.definition,
        notice: (
          <Alert
            status="info"
            icon
            title={`From the template ${template.title}`}
            description={`${template.description} Change anything before creating it.`}
          />
        ),
      };
    }
    return {
      initial: blankDefinition(now),
      notice: templateId ? (
        <Alert
          status="warning"
          icon
          title={`No template '${templateId}'`}
          description="Starting from a blank survey instead."
        />
      ) : undefined,
    };
  });
  return <SurveyDefinitionForm initial={initial} notice={notice} />;
}

/**
 * The survey editor: `new` (optionally `?template=…`) creates a survey,
 * `:surveyId/edit` changes one. Config-defined surveys are shown read-only.
 */
export function SurveyEditor() {
  const { surveyId } = useParams();
  return surveyId ? (
    <EditExisting key={surveyId} surveyId={surveyId} />
  ) : (
    <CreateNew />
  );
}

import { FormEvent, ReactNode, useId, useRef, useState } from 'react';
import {
  SurveyAnswer,
  SurveyPrompt,
  SurveyQuestion,
} from '@flywheel/plugin-flywheel-common';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Flex,
  Radio,
  RadioGroup,
  Text,
  TextAreaField,
  ToggleButton,
  ToggleButtonGroup,
} from '@backstage/ui';
import {
  Draft,
  DraftAnswer,
  hasValue,
  isRequired,
  MAX_TEXT_LENGTH,
  scaleOf,
  toAnswers,
  toDraft,
} from './answers';
import styles from './SurveyForm.module.css';
import statusText from '../../shared/statusText.module.css';

const MISSING = 'This question needs an answer.';

/** @public */
export interface SurveyFormProps {
  /** The survey to answer; its `previousAnswers` fill the form in. */
  prompt: SurveyPrompt;
  /** Called with the answers once every required question has one. */
  onSubmit: (answers: SurveyAnswer[]) => Promise<void>;
  /** While the answers are being sent. */
  submitting?: boolean;
  /**
   * Shows only the first question until it is answered, then the rest and
   * Submit: for the in-app prompt.
   */
  compact?: boolean;
  /** Answers to start from instead of `previousAnswers`, e.g. a draft. */
  initialAnswers?: SurveyAnswer[];
  /** Every change, with what was typed kept as is (for drafts). */
  onChange?: (answers: SurveyAnswer[]) => void;
  submitLabel?: string;
  /** A note beside the Submit button, e.g. about anonymity. */
  footnote?: ReactNode;
}

function countLabel(text: string | undefined) {
  return `${(text ?? '').length} / ${MAX_TEXT_LENGTH} characters`;
}

function ErrorText(props: { id: string; children: string }) {
  return (
    <Text as="div" id={props.id} variant="body-small" className={styles.error}>
      <span className={statusText.danger}>{props.children}</span>
    </Text>
  );
}

/**
 * nps, csat and rating: a row of toggle buttons that acts as a radio group
 * (Tab moves into and out of it, the arrow keys between scores, Space or
 * Enter chooses) and wraps on narrow screens.
 */
function ScaleField(props: {
  id: string;
  question: SurveyQuestion;
  value: number | undefined;
  error?: string;
  onChange: (value: number) => void;
}) {
  const { id, question, value, error, onChange } = props;
  const points = scaleOf(question);
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  const first = points[0];
  const last = points[points.length - 1];
  const chosen = points.find(point => point.value === value);
  return (
    <div className={styles.field}>
      <Text as="div" id={labelId} weight="bold" className={styles.label}>
        {question.title}
        {isRequired(question) && (
          <span aria-hidden="true" className={styles.secondaryLabel}>
            {' '}
            (Required)
          </span>
        )}
      </Text>
      <ToggleButtonGroup
        selectionMode="single"
        disallowEmptySelection
        aria-labelledby={labelId}
        aria-describedby={error ? errorId : undefined}
        selectedKeys={value === undefined ? [] : [String(value)]}
        onSelectionChange={keys => {
          const [key] = [...keys];
          if (key !== undefined) {
            onChange(Number(key));
          }
        }}
        className={`${styles.scale} ${
          points.length > 5 ? styles.long : styles.short
        }`}
      >
        {points.map(point => (
          <ToggleButton
            key={point.value}
            id={String(point.value)}
            aria-label={
              point.label ? `${point.value} – ${point.label}` : undefined
            }
            className={styles.scaleButton}
          >
            {String(point.value)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {(first?.label || last?.label) && (
        <div
          className={`${styles.scaleEnds} ${
            points.length > 5 ? styles.long : styles.short
          }`}
          aria-hidden="true"
        >
          <span>{first?.label}</span>
          <span>{last?.label}</span>
        </div>
      )}
      {question.type === 'csat' && chosen?.label && (
        <Text
          as="div"
          variant="body-small"
          color="secondary"
          aria-hidden="true"
        >
          {chosen.label}
        </Text>
      )}
      {error && <ErrorText id={errorId}>{error}</ErrorText>}
    </div>
  );
}

function QuestionField(props: {
  id: string;
  question: SurveyQuestion;
  answer: DraftAnswer | undefined;
  error?: string;
  onChange: (change: DraftAnswer) => void;
}) {
  const { id, question, answer, error, onChange } = props;
  const required = isRequired(question);
  const value = answer?.value;
  const validate = () => error;

  switch (question.type) {
    case 'nps':
    case 'csat':
    case 'rating':
      return (
        <Flex direction="column" gap="3">
          <ScaleField
            id={id}
            question={question}
            value={typeof value === 'number' ? value : undefined}
            error={error}
            onChange={score => onChange({ value: score })}
          />
          {question.type === 'nps' &&
            question.followUp &&
            typeof value === 'number' && (
              <TextAreaField
                label={question.followUp}
                description={countLabel(answer?.comment)}
                maxLength={MAX_TEXT_LENGTH}
                rows={3}
                value={answer?.comment ?? ''}
                onChange={comment => onChange({ comment })}
              />
            )}
        </Flex>
      );
    case 'single-choice':
      // A radio group without a value is never validated, so the message
      // is ours rather than the field's.
      return (
        <div className={styles.field}>
          <RadioGroup
            id={id}
            label={question.title}
            isRequired={required}
            value={typeof value === 'string' ? value : null}
            onChange={option => onChange({ value: option })}
            validationBehavior="aria"
            isInvalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            {(question.options ?? []).map(option => (
              <Radio key={option} value={option}>
                {option}
              </Radio>
            ))}
          </RadioGroup>
          {error && <ErrorText id={`${id}-error`}>{error}</ErrorText>}
        </div>
      );
    case 'multiple-choice':
      return (
        <CheckboxGroup
          id={id}
          label={question.title}
          isRequired={required}
          value={Array.isArray(value) ? value : []}
          onChange={options => onChange({ value: options })}
          validationBehavior="aria"
          validate={validate}
        >
          {(question.options ?? []).map(option => (
            <Checkbox key={option} value={option}>
              {option}
            </Checkbox>
          ))}
        </CheckboxGroup>
      );
    case 'text':
    default:
      return (
        <TextAreaField
          id={id}
          label={question.title}
          description={countLabel(typeof value === 'string' ? value : '')}
          isRequired={required}
          maxLength={MAX_TEXT_LENGTH}
          rows={4}
          value={typeof value === 'string' ? value : ''}
          onChange={text => onChange({ value: text })}
          validationBehavior="aria"
          validate={validate}
        />
      );
  }
}

/**
 * A survey's questions as a form. Answers come out in the `SurveyAnswer`
 * shape: numbers for nps, csat and rating, options for choices, text for
 * text, an nps question's "why?" as its `comment`. Free text is only ever
 * rendered as text.
 *
 * @public
 */
export function SurveyForm(props: SurveyFormProps) {
  const { prompt, compact, submitting, onChange } = props;
  const questions = prompt.questions;
  const idPrefix = useId();
  const [draft, setDraft] = useState<Draft>(() =>
    toDraft(props.initialAnswers ?? prompt.previousAnswers),
  );
  const [expanded, setExpanded] = useState(
    () =>
      !compact || questions.length === 0 || hasValue(draft[questions[0].id]),
  );
  const [showErrors, setShowErrors] = useState(false);
  const fields = useRef(new Map<string, HTMLElement>());

  const missing = questions.filter(
    question => isRequired(question) && !hasValue(draft[question.id]),
  );
  const shown = expanded ? questions : questions.slice(0, 1);

  const update = (question: SurveyQuestion, change: DraftAnswer) => {
    const next = {
      ...draft,
      [question.id]: { ...draft[question.id], ...change },
    };
    setDraft(next);
    if (question === questions[0] && hasValue(next[question.id])) {
      setExpanded(true);
    }
    onChange?.(toAnswers(questions, next, { trim: false }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    if (missing.length > 0) {
      setShowErrors(true);
      setExpanded(true);
      const field = fields.current.get(missing[0].id);
      field
        ?.querySelector<HTMLElement>('button, input, textarea')
        ?.focus({ preventScroll: false });
      return;
    }
    setShowErrors(false);
    await props.onSubmit(toAnswers(questions, draft, { trim: true }));
  };

  return (
    <form onSubmit={submit} noValidate className={styles.form}>
      <Flex direction="column" gap="5">
        {shown.map(question => (
          <div
            key={question.id}
            ref={element => {
              if (element) {
                fields.current.set(question.id, element);
              } else {
                fields.current.delete(question.id);
              }
            }}
          >
            <QuestionField
              id={`${idPrefix}-${question.id}`}
              question={question}
              answer={draft[question.id]}
              error={
                showErrors && missing.includes(question) ? MISSING : undefined
              }
              onChange={change => update(question, change)}
            />
          </div>
        ))}
        {expanded && (
          <Flex direction="column" gap="2">
            {showErrors && missing.length > 0 && (
              <Text as="p" role="alert" variant="body-small">
                <span className={statusText.danger}>
                  {missing.length === 1
                    ? 'One required question has no answer yet.'
                    : `${missing.length} required questions have no answer yet.`}
                </span>
              </Text>
            )}
            <Flex align="center" gap="3" className={styles.actions}>
              <Button type="submit" variant="primary" isPending={submitting}>
                {props.submitLabel ?? 'Submit'}
              </Button>
              {props.footnote && (
                <Text as="span" variant="body-small" color="secondary">
                  {props.footnote}
                </Text>
              )}
            </Flex>
          </Flex>
        )}
      </Flex>
    </form>
  );
}

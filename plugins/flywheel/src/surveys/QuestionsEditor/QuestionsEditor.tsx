import {
  SURVEY_QUESTION_TYPES,
  SurveyQuestion,
  SurveyQuestionType,
} from '@flywheel/plugin-flywheel-common';
import {
  Button,
  Checkbox,
  Flex,
  NumberField,
  Select,
  Text,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import { DefinitionErrors, newQuestion, withType } from '../surveyDefinition';
import { QUESTION_TYPE_LABELS } from '../surveyFormat';
import styles from './QuestionsEditor.module.css';
import statusText from '../../shared/statusText.module.css';

const TYPE_OPTIONS = SURVEY_QUESTION_TYPES.map(type => ({
  id: type,
  label: QUESTION_TYPE_LABELS[type],
}));

const TYPE_HELP: Record<SurveyQuestionType, string> = {
  nps: '0–10; 9–10 promoters, 7–8 passives, 0–6 detractors. Reported as NPS with its 95% interval.',
  csat: '1–5; 4 and 5 count as satisfied. Reported as CSAT (% satisfied) with its 95% interval.',
  rating:
    'A whole-number scale of your choice, at most 0–10; reported as mean and distribution.',
  'single-choice': 'One of the options; reported as counts per option.',
  'multiple-choice': 'Any of the options; reported as counts per option.',
  text: 'Free text; answers go to the comments inbox, shown only for teams large enough.',
};

type FieldValidate = () => string | undefined;

function QuestionFields(props: {
  question: SurveyQuestion;
  index: number;
  count: number;
  isDisabled: boolean;
  error: (field: string) => FieldValidate;
  onChange: (question: SurveyQuestion) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { question, index, count, isDisabled, error, onChange } = props;
  const number = index + 1;
  const update = (patch: Partial<SurveyQuestion>) =>
    onChange({ ...question, ...patch });
  const scale = question.scale ?? { min: 1, max: 5 };
  const requiredByDefault = question.type === 'nps' || question.type === 'csat';

  return (
    <li className={styles.question}>
      <fieldset
        className={styles.fieldset}
        aria-label={`Question ${number}`}
        disabled={isDisabled}
      >
        <Flex justify="between" align="center" className={styles.header}>
          <Text as="h4" variant="body-medium" weight="bold">
            Question {number}
          </Text>
          {/* The names start with the visible words, so speech input finds
              them (WCAG 2.5.3); not `destructive`: Backstage UI's red text
              on white is 4.0:1, under AA. */}
          <Flex gap="2">
            <Button
              size="small"
              variant="tertiary"
              isDisabled={isDisabled || index === 0}
              onPress={() => props.onMove(-1)}
              aria-label={`Move up: question ${number}`}
            >
              Move up
            </Button>
            <Button
              size="small"
              variant="tertiary"
              isDisabled={isDisabled || index === count - 1}
              onPress={() => props.onMove(1)}
              aria-label={`Move down: question ${number}`}
            >
              Move down
            </Button>
            <Button
              size="small"
              variant="tertiary"
              isDisabled={isDisabled || count === 1}
              onPress={props.onRemove}
              aria-label={`Remove question ${number}`}
            >
              Remove
            </Button>
          </Flex>
        </Flex>
        <div className={styles.row}>
          <Select
            label="Type"
            description={TYPE_HELP[question.type]}
            options={TYPE_OPTIONS}
            value={question.type}
            onChange={key =>
              key && onChange(withType(question, key as SurveyQuestionType))
            }
            isDisabled={isDisabled}
            className={styles.type}
          />
          <TextField
            label="Id"
            description="Names the question in exports: lowercase letters, digits, dashes."
            value={question.id}
            onChange={id => update({ id })}
            isDisabled={isDisabled}
            validationBehavior="aria"
            validate={error('id')}
            className={styles.id}
          />
        </div>
        <TextField
          label="Question"
          isRequired
          value={question.title}
          onChange={title => update({ title })}
          isDisabled={isDisabled}
          validationBehavior="aria"
          validate={error('title')}
        />
        {question.type === 'nps' && (
          <TextField
            label="Follow-up question"
            description='Asked under the score as free text, e.g. "What is the main reason for your score?". Leave empty for none.'
            value={question.followUp ?? ''}
            onChange={followUp => update({ followUp })}
            isDisabled={isDisabled}
          />
        )}
        {question.type === 'rating' && (
          <div className={styles.row}>
            <NumberField
              label="Lowest value"
              minValue={0}
              maxValue={10}
              step={1}
              value={scale.min}
              onChange={min => update({ scale: { ...scale, min } })}
              isDisabled={isDisabled}
              validationBehavior="aria"
              validate={error('scale')}
            />
            <TextField
              label="Lowest label"
              value={scale.minLabel ?? ''}
              onChange={minLabel => update({ scale: { ...scale, minLabel } })}
              isDisabled={isDisabled}
            />
            <NumberField
              label="Highest value"
              minValue={0}
              maxValue={10}
              step={1}
              value={scale.max}
              onChange={max => update({ scale: { ...scale, max } })}
              isDisabled={isDisabled}
            />
            <TextField
              label="Highest label"
              value={scale.maxLabel ?? ''}
              onChange={maxLabel => update({ scale: { ...scale, maxLabel } })}
              isDisabled={isDisabled}
            />
          </div>
        )}
        {(question.type === 'single-choice' ||
          question.type === 'multiple-choice') && (
          <TextAreaField
            label="Options"
            description="One option a line, 2 to 20."
            rows={4}
            value={(question.options ?? []).join('\n')}
            onChange={text => update({ options: text.split('\n') })}
            isDisabled={isDisabled}
            validationBehavior="aria"
            validate={error('options')}
          />
        )}
        <Checkbox
          isSelected={question.required ?? requiredByDefault}
          onChange={required => update({ required })}
          isDisabled={isDisabled}
        >
          Answer required
        </Checkbox>
      </fieldset>
    </li>
  );
}

/**
 * The questions of a survey: add, remove, reorder, and per question its
 * type, text and the fields its type needs. Disabled as a whole when the
 * questions can no longer change.
 */
export function QuestionsEditor(props: {
  questions: SurveyQuestion[];
  onChange: (questions: SurveyQuestion[]) => void;
  isDisabled?: boolean;
  /** Problems by field (`questions.0.title`), shown when `showErrors`. */
  errors?: DefinitionErrors;
  showErrors?: boolean;
}) {
  const { questions, onChange, errors = {}, showErrors } = props;
  const isDisabled = !!props.isDisabled;

  const replace = (index: number, question: SurveyQuestion) =>
    onChange(questions.map((q, i) => (i === index ? question : q)));
  const move = (index: number, offset: -1 | 1) => {
    const next = [...questions];
    const [question] = next.splice(index, 1);
    next.splice(index + offset, 0, question);
    onChange(next);
  };
  const remove = (index: number) =>
    onChange(questions.filter((_, i) => i !== index));

  return (
    <Flex direction="column" gap="3">
      <ol className={styles.list} aria-label="Questions">
        {questions.map((question, index) => (
          <QuestionFields
            // Ids can be edited, so the position keys the row.
            // eslint-disable-next-line react/no-array-index-key
            key={index}
            question={question}
            index={index}
            count={questions.length}
            isDisabled={isDisabled}
            error={field => () =>
              showErrors ? errors[`questions.${index}.${field}`] : undefined}
            onChange={q => replace(index, q)}
            onMove={offset => move(index, offset)}
            onRemove={() => remove(index)}
          />
        ))}
      </ol>
      {showErrors && errors.questions && (
        <Text as="p" variant="body-small">
          <span className={statusText.danger}>{errors.questions}</span>
        </Text>
      )}
      <div>
        <Button
          variant="secondary"
          size="small"
          isDisabled={isDisabled}
          onPress={() => onChange([...questions, newQuestion(questions)])}
        >
          Add question
        </Button>
      </div>
    </Flex>
  );
}

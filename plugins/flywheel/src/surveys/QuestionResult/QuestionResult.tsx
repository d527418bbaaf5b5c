import { SurveyQuestionResult } from '@flywheel/plugin-flywheel-common';
import { Flex, Text } from '@backstage/ui';
import { Section } from '../../shared/Section';
import { ChoiceBars } from '../ChoiceBars';
import { CsatResult } from '../CsatResult';
import { DistributionChart } from '../DistributionChart';
import { NpsResult } from '../NpsResult';
import { CATEGORY_COLORS } from '../surveyColors';
import { QUESTION_TYPE_SHORT } from '../surveyFormat';

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

function RatingResult(props: {
  rating: NonNullable<SurveyQuestionResult['rating']>;
}) {
  const { rating } = props;
  const values = rating.distribution.map(d => d.value);
  const range = values.length
    ? ` on ${Math.min(...values)}–${Math.max(...values)}`
    : '';
  return (
    <Flex direction="column" gap="2">
      <Text as="p" variant="title-medium" weight="bold">
        Mean {Math.round(rating.mean * 10) / 10}
        <Text variant="body-small" color="secondary">
          {range}
        </Text>
      </Text>
      <DistributionChart
        label="Answers per value"
        bars={rating.distribution.map(d => ({
          label: String(d.value),
          count: d.count,
          color: CATEGORY_COLORS.other,
        }))}
      />
    </Flex>
  );
}

function Content(props: { question: SurveyQuestionResult }) {
  const { question } = props;
  if (question.responses === 0) {
    return (
      <Text as="p" color="secondary">
        No answers yet.
      </Text>
    );
  }
  switch (question.type) {
    case 'nps':
      return question.nps ? <NpsResult nps={question.nps} /> : null;
    case 'csat':
      return question.csat ? <CsatResult csat={question.csat} /> : null;
    case 'rating':
      return question.rating ? <RatingResult rating={question.rating} /> : null;
    case 'single-choice':
    case 'multiple-choice':
      return question.choices ? (
        <ChoiceBars
          choices={question.choices}
          responses={question.responses}
          label={`Answers to ${question.title}`}
        />
      ) : null;
    default:
      return (
        <Text as="p" variant="body-small">
          {plural(question.comments ?? question.responses, 'person', 'people')}{' '}
          wrote an answer. Answers are in the comments inbox, for teams with
          enough responses.
        </Text>
      );
  }
}

/** The result of one question, in a card of its own. */
export function QuestionResult(props: { question: SurveyQuestionResult }) {
  const { question } = props;
  return (
    <Section
      title={question.title}
      action={
        <Text variant="body-small" color="secondary">
          {QUESTION_TYPE_SHORT[question.type]} ·{' '}
          {plural(question.responses, 'answer', 'answers')}
        </Text>
      }
    >
      <Flex direction="column" gap="3">
        <Content question={question} />
        {question.type === 'nps' && !!question.comments && (
          <Text as="p" variant="body-small" color="secondary">
            {plural(question.comments, 'person', 'people')} explained their
            score; see the comments.
          </Text>
        )}
      </Flex>
    </Section>
  );
}

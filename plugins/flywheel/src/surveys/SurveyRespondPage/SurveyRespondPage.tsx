import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  SubmitSurveyResponseRequest,
  SurveyAnswer,
  SurveyPrompt,
} from '@flywheel/plugin-flywheel-common';
import { Alert, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { SurveyForm } from '../SurveyForm';
import { SubmitStatusAlert } from '../SubmitStatusAlert';
import { useSubmitWithRetry } from '../useSubmitWithRetry';
import styles from './SurveyRespondPage.module.css';

function isNotFound(error: Error): boolean {
  return (
    error.name === 'ResponseError' &&
    (error as ResponseError).statusCode === 404
  );
}

/** What the respondent can do with their answer, and until when. */
function AnswerNote(props: {
  prompt: SurveyPrompt;
  answeredOn?: string;
  answeredBefore: boolean;
}) {
  const { prompt, answeredOn, answeredBefore } = props;
  const until = formatDateTime(prompt.closesAt);
  if (prompt.anonymous) {
    return (
      <Alert
        status="info"
        icon
        title="This survey is anonymous"
        description="Your answers are stored without your name, so they cannot be changed after you submit them."
      />
    );
  }
  let text: string;
  if (answeredOn) {
    text = `You answered on ${formatDateTime(
      answeredOn,
    )} — you can change your answer until ${until}.`;
  } else if (answeredBefore) {
    text = `You already answered this survey — you can change your answer until ${until}.`;
  } else {
    text = `Open until ${until}. You can change your answer until then.`;
  }
  return (
    <Text as="p" variant="body-small" color="secondary">
      {text}
    </Text>
  );
}

function RespondForm(props: { prompt: SurveyPrompt; preview: boolean }) {
  const { prompt, preview } = props;
  const { status, submit, draft, saveDraft } = useSubmitWithRetry({
    surveyId: prompt.surveyId,
    waveId: prompt.waveId,
    persistDraft: !preview,
  });
  const [wouldSend, setWouldSend] = useState<SubmitSurveyResponseRequest>();
  const sent = status.state === 'sent' ? status.result : undefined;
  const answeredBefore = (prompt.previousAnswers?.length ?? 0) > 0;
  const locked = prompt.anonymous && !!sent;

  const onSubmit = async (answers: SurveyAnswer[]) => {
    if (preview) {
      setWouldSend({ waveId: prompt.waveId, answers });
    } else {
      await submit(answers);
    }
  };

  return (
    <Flex direction="column" gap="4" className={styles.page}>
      <Flex direction="column" gap="2">
        <Text as="h2" variant="title-medium" className={styles.wrap}>
          {prompt.title}
        </Text>
        {prompt.description && (
          <Text as="p" className={styles.wrap}>
            {prompt.description}
          </Text>
        )}
      </Flex>
      {preview ? (
        <Alert
          status="warning"
          icon
          title="Preview — answers are not stored"
          description="This is the survey as its audience sees it. Submitting shows what would be sent instead of sending it."
        />
      ) : (
        <AnswerNote
          prompt={prompt}
          answeredOn={sent?.submittedAt}
          answeredBefore={answeredBefore}
        />
      )}
      <div role="status">
        {sent && (
          <Alert
            status="success"
            icon
            title={
              sent.status === 'updated'
                ? 'Thanks — your answer was updated'
                : 'Thanks — your answer was saved'
            }
          />
        )}
      </div>
      {!locked && (
        <Card>
          <CardBody>
            <SurveyForm
              prompt={prompt}
              initialAnswers={draft}
              onChange={saveDraft}
              onSubmit={onSubmit}
              submitting={
                status.state === 'sending' || status.state === 'retrying'
              }
              submitLabel={
                !preview && !prompt.anonymous && (answeredBefore || sent)
                  ? 'Update answer'
                  : 'Submit'
              }
            />
          </CardBody>
        </Card>
      )}
      <SubmitStatusAlert status={status} />
      {wouldSend && (
        <Card role="region" aria-label="What would be sent">
          <CardHeader>
            <Text as="h3" variant="title-x-small" weight="bold">
              What would be sent
            </Text>
          </CardHeader>
          <CardBody>
            <pre className={styles.request}>
              {`POST /api/flywheel/surveys/${prompt.surveyId}/responses\n`}
              {JSON.stringify(wouldSend, null, 2)}
            </pre>
          </CardBody>
        </Card>
      )}
    </Flex>
  );
}

/**
 * The full-page form to answer a survey, at
 * `/flywheel/surveys/:surveyId/respond` (where notifications link to); with
 * `?preview=1` the survey's author sees it as the audience will, and nothing
 * is stored.
 *
 * @public
 */
export function SurveyRespondPage() {
  const { surveyId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const preview = searchParams.get('preview') === '1';
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error } = useAsync(
    () =>
      preview
        ? flywheelApi.previewSurvey(surveyId)
        : flywheelApi.getSurveyForm(surveyId),
    [flywheelApi, surveyId, preview],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    if (isNotFound(error)) {
      return preview ? (
        <EmptyState
          missing="content"
          title="There is no such survey"
          description={serverMessage(error)}
        />
      ) : (
        <EmptyState
          missing="content"
          title="There is no open wave of this survey for you right now"
          description="It may have closed already, or not be meant for you. When a survey asks for your opinion, you get a notification or a prompt in Backstage."
        />
      );
    }
    return (
      <Alert
        status="danger"
        icon
        title="Could not load the survey"
        description={serverMessage(error)}
      />
    );
  }
  if (!value) {
    return null;
  }
  return (
    <RespondForm
      key={`${value.surveyId}/${value.waveId}`}
      prompt={value}
      preview={preview || !!value.preview}
    />
  );
}

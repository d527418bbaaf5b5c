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
import { AnonymousReceipt } from '../anonymousReceipts';
import { anonymousNote, identifiedNote } from '../answerNotes';
import { SurveyForm } from '../SurveyForm';
import { SubmitStatusAlert } from '../SubmitStatusAlert';
import {
  ALREADY_RECORDED_TITLE,
  useSubmitWithRetry,
} from '../useSubmitWithRetry';
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
  answeredAt?: string;
  answeredBefore: boolean;
  receipt?: AnonymousReceipt;
  canKeepReceipt: boolean;
  /** An anonymous answer went in without a receipt for this browser. */
  locked: boolean;
}) {
  const { prompt, answeredAt, answeredBefore, receipt, canKeepReceipt } = props;
  if (prompt.anonymous) {
    return (
      <Alert
        status="info"
        icon
        title="This survey is anonymous"
        description={
          props.locked
            ? 'Your answers are stored without your name, and this browser has no receipt for them, so they can no longer be changed.'
            : anonymousNote({
                closesAt: prompt.closesAt,
                answeredAt: receipt?.answeredAt,
                canKeepReceipt,
              })
        }
      />
    );
  }
  return (
    <Text as="p" variant="body-small" color="secondary">
      {identifiedNote({
        closesAt: prompt.closesAt,
        answeredAt,
        answeredBefore,
      })}
    </Text>
  );
}

function RespondForm(props: { prompt: SurveyPrompt; preview: boolean }) {
  const { prompt, preview } = props;
  const anonymous = prompt.anonymous && !preview;
  const { status, submit, draft, saveDraft, receipt, canKeepReceipt } =
    useSubmitWithRetry({
      surveyId: prompt.surveyId,
      waveId: prompt.waveId,
      persistDraft: !preview,
      anonymous,
      closesAt: prompt.closesAt,
    });
  const [wouldSend, setWouldSend] = useState<SubmitSurveyResponseRequest>();
  const sent = status.state === 'sent' ? status.result : undefined;
  const answeredBefore =
    (prompt.previousAnswers?.length ?? 0) > 0 || !!prompt.answeredAt;
  // An anonymous answer can be changed only with its receipt.
  const locked =
    prompt.anonymous && (status.state === 'recorded' || (!!sent && !receipt));
  let submitLabel = 'Submit';
  if (!preview && (anonymous ? receipt : answeredBefore || sent)) {
    submitLabel = 'Update answer';
  }

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
          answeredAt={sent?.submittedAt ?? prompt.answeredAt}
          answeredBefore={answeredBefore}
          receipt={receipt}
          canKeepReceipt={canKeepReceipt}
          locked={locked}
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
        {status.state === 'recorded' && (
          <Alert
            status="info"
            icon
            title={ALREADY_RECORDED_TITLE}
            description={status.message}
          />
        )}
      </div>
      {!locked && (
        <Card>
          <CardBody>
            <SurveyForm
              prompt={prompt}
              initialAnswers={draft ?? receipt?.answers}
              onChange={saveDraft}
              onSubmit={onSubmit}
              submitting={
                status.state === 'sending' || status.state === 'retrying'
              }
              submitLabel={submitLabel}
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

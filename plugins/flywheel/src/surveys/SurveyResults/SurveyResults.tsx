import { useMemo, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Survey,
  SurveyHiddenReason,
  SurveyResultsResponse,
} from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  Flex,
  Link,
  Select,
  Text,
} from '@backstage/ui';
import { useParams, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { Section } from '../../shared/Section';
import { serverMessage } from '../../shared/errors';
import { formatDate, formatRate } from '../../shared/format';
import { FormDialog } from '../../shared/FormDialog';
import {
  groupTitle,
  GroupTitles,
  useGroupTitles,
} from '../../shared/groupTitles';
import { StatList } from '../../shared/StatList';
import { useAction } from '../../shared/useAction';
import { QuestionResult } from '../QuestionResult';
import { SurveyComments } from '../SurveyComments';
import { SurveyCsvExportButton } from '../SurveyCsvExportButton';
import { SurveyTrendChart } from '../SurveyTrendChart';
import { audienceSummary, scheduleSummary, waveLabel } from '../surveyFormat';
import { useSurveyPaths, useSurveyPermissions } from '../surveyHooks';
import { TeamBreakdown } from '../TeamBreakdown';
import styles from './SurveyResults.module.css';

const WHOLE_AUDIENCE = '__all';

/** What NPS, CSAT and the intervals mean, and why some numbers are hidden. */
function HowToRead(props: {
  thresholds?: SurveyResultsResponse['thresholds'];
}) {
  const min = props.thresholds?.minGroupSize ?? 5;
  const minComments = props.thresholds?.minCommentGroupSize;
  return (
    <details className={styles.help}>
      <summary>
        <Text variant="body-small">How to read these numbers</Text>
      </summary>
      <ul className={styles.helpList}>
        <li>
          <Text variant="body-small">
            <strong>NPS</strong> (Net Promoter Score): answers 0–10; 9–10 are
            promoters, 7–8 passives, 0–6 detractors. NPS = % promoters − %
            detractors, from −100 to +100.
          </Text>
        </li>
        <li>
          <Text variant="body-small">
            <strong>CSAT</strong> (customer satisfaction): the share of 4 and 5
            answers on a 1–5 scale.
          </Text>
        </li>
        <li>
          <Text variant="body-small">
            <strong>±</strong> is half of the 95% interval: with this many
            answers, the true value lies in the interval with 95% confidence.
            Two waves differ significantly only when the test says so; a change
            inside overlapping intervals may be noise.
          </Text>
        </li>
        <li>
          <Text variant="body-small">
            <strong>Anonymity</strong>: a team&apos;s results are shown only
            with at least {min} responses, and are also hidden when they would
            let someone work out a smaller team&apos;s answers.
            {minComments !== undefined &&
              ` Comments are shown only for teams with at least ${minComments} responses.`}
          </Text>
        </li>
      </ul>
    </details>
  );
}

function hiddenExplanation(
  reason: SurveyHiddenReason,
  scope: string,
  minGroupSize: number,
): string {
  return reason === 'below-minimum'
    ? `Fewer than ${minGroupSize} people in ${scope} answered this wave, so its results are hidden to protect their anonymity. Their answers still count in the results of the teams above.`
    : `Hidden to protect a smaller team: together with the results shown for the teams around it, the numbers of ${scope} would reveal the answers of a team with fewer than ${minGroupSize} responses.`;
}

function ArchiveButton(props: { survey: Survey; onArchived: () => void }) {
  const { survey, onArchived } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [open, setOpen] = useState(false);
  const archive = useAction({
    doing: 'archive surveys',
    permission: 'flywheel.surveys.manage',
  });

  const submit = () =>
    archive.run(async () => {
      await flywheelApi.archiveSurvey(survey.id);
      setOpen(false);
      onArchived();
    });

  return (
    <>
      {/* Not `destructive`: Backstage UI's red on its tint is 3.3:1; the
          dialog's own button says what happens. */}
      <Button size="small" variant="secondary" onPress={() => setOpen(true)}>
        Archive
      </Button>
      <FormDialog
        isOpen={open}
        onOpenChange={setOpen}
        title={`Archive ${survey.title}?`}
        intro="No new waves will open and nobody will be asked again. The results and comments are kept."
        submitLabel="Archive survey"
        destructive
        onSubmit={submit}
        submitting={archive.pending}
        error={archive.error}
        errorTitle="Not archived"
        width="28rem"
      />
    </>
  );
}

function Results(props: {
  survey: Survey;
  results: SurveyResultsResponse;
  titles: GroupTitles | undefined;
  teamHref: (groupRef: string) => string;
  canReadComments: boolean;
  canManage: boolean;
}) {
  const { survey, results, titles, teamHref } = props;
  const scope = results.groupRef
    ? groupTitle(results.groupRef, titles)
    : 'the whole audience';
  const questionTitles = useMemo(
    () => new Map(survey.questions.map(q => [q.id, q.title])),
    [survey.questions],
  );

  if (results.hidden) {
    return (
      <Alert
        status="info"
        icon
        title="Results hidden"
        description={hiddenExplanation(
          results.hidden,
          scope,
          results.thresholds.minGroupSize,
        )}
      />
    );
  }

  return (
    <Flex direction="column" gap="4">
      <StatList
        aria-label="Responses"
        stats={[
          { label: 'Responses', value: results.responses },
          {
            label: 'Audience',
            value: results.audienceSize ?? '—',
            hint: `People asked in ${scope}`,
          },
          {
            label: 'Response rate',
            value: formatRate(results.responseRate),
          },
        ]}
      />
      {results.wave.status === 'open' && (
        <Text as="p" variant="body-small" color="secondary">
          Wave {results.wave.number} is open until{' '}
          {formatDate(results.wave.closesAt)}; the numbers change as answers
          come in.
        </Text>
      )}
      {results.questions.map(q => (
        <QuestionResult key={q.questionId} question={q} />
      ))}
      <Section title="Trend across waves">
        <SurveyTrendChart trend={results.trend} />
      </Section>
      <Section title={results.groupRef ? `Teams in ${scope}` : 'Teams'}>
        <TeamBreakdown
          teams={results.teams}
          thresholds={results.thresholds}
          titles={titles}
          teamHref={teamHref}
        />
      </Section>
      {props.canReadComments && (
        <Section title="Comments">
          <SurveyComments
            surveyId={survey.id}
            waveId={results.wave.id}
            groupRef={results.groupRef}
            minCommentGroupSize={results.thresholds.minCommentGroupSize}
            questionTitles={questionTitles}
            titles={titles}
            canManage={props.canManage}
          />
        </Section>
      )}
    </Flex>
  );
}

/**
 * A survey's results: one wave (the open or latest one unless chosen) for
 * the whole audience or one team, with NPS/CSAT and their intervals, the
 * trend across waves, the team breakdown within the anonymity rules, the
 * comments inbox and a CSV export. The wave and team are in the URL
 * (`?wave=…&team=…`), so a view can be shared.
 */
export function SurveyResults() {
  const { surveyId = '' } = useParams();
  const flywheelApi = useApi(flywheelApiRef);
  const permissions = useSurveyPermissions();
  const paths = useSurveyPaths();
  const titles = useGroupTitles();
  const [searchParams, setSearchParams] = useSearchParams();
  const waveId = searchParams.get('wave') ?? undefined;
  const groupRef = searchParams.get('team') ?? undefined;

  const survey = useAsyncRetry(
    () => flywheelApi.getSurvey(surveyId),
    [flywheelApi, surveyId],
  );
  const waves = useAsync(
    () => flywheelApi.listSurveyWaves(surveyId),
    [flywheelApi, surveyId],
  );
  const results = useAsync(
    () => flywheelApi.getSurveyResults(surveyId, { waveId, groupRef }),
    [flywheelApi, surveyId, waveId, groupRef],
  );

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    setSearchParams(next);
  };
  const teamHref = (ref: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('team', ref);
    return `?${next}`;
  };

  if (survey.loading && !survey.value) {
    return <Progress />;
  }
  if (survey.error || !survey.value) {
    return (
      <ResponseErrorPanel
        title={`Could not load the survey: ${
          survey.error ? serverMessage(survey.error) : 'not found'
        }`}
        error={survey.error ?? new Error('Survey not found')}
      />
    );
  }
  const s = survey.value;
  const canEdit = permissions.canManage && s.source === 'api';

  const waveOptions = [...(waves.value?.items ?? [])]
    .sort((a, b) => b.number - a.number)
    .map(w => ({ id: w.id, label: waveLabel(w) }));
  const teamOptions = [
    { id: WHOLE_AUDIENCE, label: 'Whole audience' },
    ...[...(titles.value ?? [])]
      .map(([id, label]) => ({ id, label }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];
  if (groupRef && !teamOptions.some(o => o.id === groupRef)) {
    teamOptions.push({
      id: groupRef,
      label: groupTitle(groupRef, titles.value),
    });
  }

  let body;
  if (results.loading) {
    body = <Progress />;
  } else if (results.error) {
    const forbidden =
      results.error.name === 'ResponseError' &&
      (results.error as ResponseError).statusCode === 403;
    let hint = '';
    if (forbidden && !permissions.canReadResults) {
      hint = permissions.canReadOwnTeamResults
        ? ' You can see the results of your own teams: choose one under Team.'
        : ' Reading survey results needs the permission flywheel.surveys.results.read (or flywheel.surveys.results.read-own-team for your own teams).';
    }
    body = (
      <Alert
        status="danger"
        icon
        title="Could not load the results"
        description={`${serverMessage(results.error)}${hint}`}
      />
    );
  } else if (results.value) {
    body = (
      <Results
        survey={s}
        results={results.value}
        titles={titles.value}
        teamHref={teamHref}
        canReadComments={permissions.canReadComments}
        canManage={permissions.canManage}
      />
    );
  }

  const shownWaveId = waveId ?? results.value?.wave.id;
  const filename = [
    s.id,
    results.value ? `wave-${results.value.wave.number}` : undefined,
    groupRef ? groupRef.split('/').pop() : undefined,
  ]
    .filter(Boolean)
    .join('-');

  return (
    <Flex direction="column" gap="4">
      <Link href={paths.list}>All surveys</Link>
      <Flex justify="between" align="start" className={styles.header}>
        <Flex direction="column" gap="1">
          <Flex align="center" gap="2" className={styles.title}>
            <Text as="h2" variant="title-small" weight="bold">
              {s.title}
            </Text>
            {s.anonymous && <Badge size="small">Anonymous</Badge>}
            {s.status === 'archived' && <Badge size="small">Archived</Badge>}
            {s.source === 'config' && <Badge size="small">app-config</Badge>}
          </Flex>
          {s.description && (
            <Text as="p" variant="body-small">
              {s.description}
            </Text>
          )}
          <Text as="p" variant="body-x-small" color="secondary">
            {audienceSummary(s.audience, titles.value)} ·{' '}
            {scheduleSummary(s.schedule)}
          </Text>
        </Flex>
        <Flex gap="2" align="start" className={styles.actions}>
          {permissions.canManage && (
            <ButtonLink
              size="small"
              variant="secondary"
              href={paths.edit(s.id)}
            >
              {canEdit ? 'Edit' : 'View definition'}
            </ButtonLink>
          )}
          {permissions.canManage && (
            <ButtonLink
              size="small"
              variant="secondary"
              href={paths.respond(s.id, { preview: true })}
            >
              Preview
            </ButtonLink>
          )}
          <SurveyCsvExportButton
            surveyId={s.id}
            query={{ waveId: shownWaveId, groupRef }}
            filename={filename}
          />
          {canEdit && s.status === 'active' && (
            <ArchiveButton survey={s} onArchived={survey.retry} />
          )}
        </Flex>
      </Flex>

      <Flex gap="4" align="end" className={styles.pickers}>
        <Select
          label="Wave"
          placeholder={waves.loading ? 'Loading waves…' : 'No waves yet'}
          description={
            waves.error
              ? `Could not load the waves: ${serverMessage(waves.error)}`
              : undefined
          }
          options={waveOptions}
          value={shownWaveId ?? null}
          onChange={key => setParam('wave', key ? String(key) : undefined)}
          isDisabled={waveOptions.length === 0}
          className={styles.picker}
        />
        <Select
          label="Team"
          options={teamOptions}
          value={groupRef ?? WHOLE_AUDIENCE}
          onChange={key =>
            setParam(
              'team',
              key && key !== WHOLE_AUDIENCE ? String(key) : undefined,
            )
          }
          search={{ placeholder: 'Search teams' }}
          className={styles.picker}
        />
      </Flex>
      <HowToRead thresholds={results.value?.thresholds} />
      {body}
    </Flex>
  );
}

import { useState } from 'react';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Survey } from '@flywheel/plugin-flywheel-common';
import {
  Badge,
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Link,
  Switch,
  Table,
  Text,
} from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { GroupTitles, useGroupTitles } from '../../shared/groupTitles';
import {
  audienceSummary,
  questionKinds,
  scheduleSummary,
  triggerSummary,
  waveStatusLabel,
} from '../surveyFormat';
import {
  SurveyPaths,
  useSurveyPaths,
  useSurveyPermissions,
} from '../surveyHooks';
import { NewSurveyButton } from '../NewSurveyButton';
import styles from './SurveyList.module.css';

function currentWave(survey: Survey): string {
  const wave = survey.currentWave;
  if (!wave) {
    return 'No wave yet';
  }
  const responses = `${wave.responseCount} response${
    wave.responseCount === 1 ? '' : 's'
  }`;
  return `Wave ${wave.number} ${waveStatusLabel(wave).toLocaleLowerCase(
    'en-US',
  )} · ${responses}`;
}

function columns(
  paths: SurveyPaths,
  titles: GroupTitles | undefined,
): ColumnConfig<Survey>[] {
  return [
    {
      id: 'title',
      label: 'Survey',
      isRowHeader: true,
      cell: survey => (
        <Cell>
          <div className={styles.title}>
            <Link href={paths.results(survey.id)}>{survey.title}</Link>
            <div className={styles.badges}>
              {survey.anonymous && <Badge size="small">Anonymous</Badge>}
              {survey.status === 'archived' && (
                <Badge size="small">Archived</Badge>
              )}
            </div>
          </div>
        </Cell>
      ),
    },
    {
      id: 'questions',
      label: 'Questions',
      cell: survey => (
        <CellText
          title={questionKinds(survey)}
          description={`${survey.questions.length} question${
            survey.questions.length === 1 ? '' : 's'
          }`}
        />
      ),
    },
    {
      id: 'audience',
      label: 'Audience',
      cell: survey => (
        <CellText
          title={audienceSummary(survey.audience, titles)}
          description={
            survey.samplingPercent < 100
              ? `${survey.samplingPercent}% sampled`
              : undefined
          }
        />
      ),
    },
    {
      id: 'schedule',
      label: 'Schedule',
      cell: survey => (
        <CellText
          title={scheduleSummary(survey.schedule)}
          description={survey.triggers.map(triggerSummary).join('; ')}
        />
      ),
    },
    {
      id: 'wave',
      label: 'Current wave',
      cell: survey => <CellText title={currentWave(survey)} />,
    },
    {
      id: 'source',
      label: 'Defined in',
      cell: survey => (
        <CellText title={survey.source === 'config' ? 'app-config' : 'API'} />
      ),
    },
  ];
}

/**
 * Every survey with its questions, audience, schedule and current wave; the
 * title opens its results. Managers start new surveys from here.
 */
export function SurveyList() {
  const flywheelApi = useApi(flywheelApiRef);
  const { canManage } = useSurveyPermissions();
  const paths = useSurveyPaths();
  const titles = useGroupTitles();
  const [includeArchived, setIncludeArchived] = useState(false);
  const { value, loading, error } = useAsync(
    () => flywheelApi.listSurveys({ includeArchived }),
    [flywheelApi, includeArchived],
  );

  let content;
  if (loading && !value) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ResponseErrorPanel
        title={`Could not load surveys: ${serverMessage(error)}`}
        error={error}
      />
    );
  } else if (!value || value.items.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title={includeArchived ? 'No surveys' : 'No active surveys'}
        description={
          canManage
            ? 'Ask developers what they think of the platform: start from a ready-made NPS or CSAT survey, or write your own. Surveys can also be defined under flywheel.surveys in app-config.'
            : 'Nobody has set up a survey yet. Platform product managers create them here or under flywheel.surveys in app-config.'
        }
        action={canManage ? <NewSurveyButton /> : undefined}
      />
    );
  } else {
    content = (
      <HorizontalScroll label="All surveys" minWidth="56rem">
        <Table
          columnConfig={columns(paths, titles.value)}
          data={value.items}
          pagination={{ type: 'none' }}
        />
      </HorizontalScroll>
    );
  }

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="center" className={styles.header}>
        <Text as="h2" variant="title-small" weight="bold">
          Surveys{value ? ` (${value.items.length})` : ''}
        </Text>
        <Flex align="center" gap="4">
          <Switch
            label="Show archived"
            isSelected={includeArchived}
            onChange={setIncludeArchived}
          />
          {canManage && (value?.items.length ?? 0) > 0 && <NewSurveyButton />}
        </Flex>
      </Flex>
      {content}
    </Flex>
  );
}

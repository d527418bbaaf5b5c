import { useApi } from '@backstage/core-plugin-api';
import { flywheelApiRef, SurveyResultsQuery } from '../../api';
import { CsvDownloadButton } from '../../shared/CsvDownloadButton';

/** Downloads a survey's results (one wave, one scope) as CSV, hidden teams without numbers. */
export function SurveyCsvExportButton(props: {
  surveyId: string;
  query: SurveyResultsQuery;
  /** The file name without extension. */
  filename: string;
}) {
  const { surveyId, query, filename } = props;
  const flywheelApi = useApi(flywheelApiRef);
  return (
    <CsvDownloadButton
      filename={filename}
      load={() => flywheelApi.exportSurveyResultsCsv(surveyId, query)}
    />
  );
}

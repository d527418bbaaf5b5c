import { useApi } from '@backstage/core-plugin-api';
import { flywheelApiRef, MetricSeriesQuery } from '../../api';
import { CsvDownloadButton } from '../../shared/CsvDownloadButton';

/** Downloads a metric's series (one scope, window and interval) as CSV. */
export function MetricCsvExportButton(props: {
  metricId: string;
  query: MetricSeriesQuery;
  /** The file name without extension. */
  filename: string;
}) {
  const { metricId, query, filename } = props;
  const flywheelApi = useApi(flywheelApiRef);
  return (
    <CsvDownloadButton
      filename={filename}
      load={() => flywheelApi.exportMetricSeriesCsv(metricId, query)}
    />
  );
}

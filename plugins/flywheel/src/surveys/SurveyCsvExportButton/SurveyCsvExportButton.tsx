import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Button, Flex } from '@backstage/ui';
import { flywheelApiRef, SurveyResultsQuery } from '../../api';
import { serverMessage } from '../../shared/errors';

/** Saves a blob under a file name through a temporary download link. */
function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Downloads a survey's results (one wave, one scope) as CSV, hidden teams
 * left out. The export needs the user's credentials, so it is fetched with
 * the fetchApi and handed to the browser as a file rather than linked.
 */
export function SurveyCsvExportButton(props: {
  surveyId: string;
  query: SurveyResultsQuery;
  /** The file name without extension. */
  filename: string;
}) {
  const { surveyId, query, filename } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const blob = await flywheelApi.exportSurveyResultsCsv(surveyId, query);
      saveBlob(blob, `${filename}.csv`);
    } catch (e) {
      setError(serverMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" gap="2">
      <Button
        variant="secondary"
        size="small"
        onPress={download}
        isPending={busy}
      >
        Export CSV
      </Button>
      {error && (
        <Alert
          status="danger"
          icon
          title="Could not export"
          description={error}
        />
      )}
    </Flex>
  );
}

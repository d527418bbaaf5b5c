import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Button, Flex } from '@backstage/ui';
import { flywheelApiRef } from '../../api';
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
 * Downloads every entity result of a scorecard (in a team's subtree) as CSV.
 * The export needs the user's credentials, so it is fetched with the
 * fetchApi and handed to the browser as a file rather than linked.
 */
export function CsvExportButton(props: {
  scorecardId: string;
  groupRef?: string;
  /** The file name without extension. */
  filename: string;
}) {
  const { scorecardId, groupRef, filename } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const blob = await flywheelApi.exportScorecardEntitiesCsv({
        scorecardId,
        groupRef,
      });
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

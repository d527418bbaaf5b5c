import { useState } from 'react';
import { Alert, Button, Flex } from '@backstage/ui';
import { serverMessage } from '../errors';

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
 * "Export CSV": exports need the user's credentials, so the file is fetched
 * with the fetchApi (by `load`) and handed to the browser rather than linked.
 * A failure is shown under the button with the server's reason.
 */
export function CsvDownloadButton(props: {
  load: () => Promise<Blob>;
  /** The file name without extension. */
  filename: string;
}) {
  const { load, filename } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveBlob(await load(), `${filename}.csv`);
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

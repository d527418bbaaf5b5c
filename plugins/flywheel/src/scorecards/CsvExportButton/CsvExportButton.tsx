import { useApi } from '@backstage/core-plugin-api';
import { flywheelApiRef } from '../../api';
import { CsvDownloadButton } from '../../shared/CsvDownloadButton';

/** Downloads every entity result of a scorecard (in a team's subtree) as CSV. */
export function CsvExportButton(props: {
  scorecardId: string;
  groupRef?: string;
  failingCheck?: string;
  /** The file name without extension. */
  filename: string;
}) {
  const { scorecardId, groupRef, failingCheck, filename } = props;
  const flywheelApi = useApi(flywheelApiRef);
  return (
    <CsvDownloadButton
      filename={filename}
      load={() =>
        flywheelApi.exportScorecardEntitiesCsv({
          scorecardId,
          groupRef,
          failingCheck,
        })
      }
    />
  );
}

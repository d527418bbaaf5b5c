import { useApi } from '@backstage/core-plugin-api';
import { Select } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';

/** The id of the option that clears the choice. */
const NONE = '*none*';

/**
 * Picks a golden path (by template ref) to narrow metrics to the services
 * created from it; the first option clears the choice.
 */
export function GoldenPathPicker(props: {
  value: string | undefined;
  onChange: (templateRef: string | undefined) => void;
}) {
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error } = useAsync(
    () => flywheelApi.getGoldenPaths(),
    [flywheelApi],
  );
  const paths = [...(value?.items ?? [])].sort((a, b) =>
    a.title.localeCompare(b.title),
  );

  let description: string | undefined;
  if (error) {
    description = `Could not load golden paths: ${serverMessage(error)}`;
  } else if (value && paths.length === 0) {
    description = 'No template is marked as a golden path yet.';
  }

  return (
    <Select
      label="Golden path"
      placeholder={loading ? 'Loading golden paths…' : 'Choose a golden path'}
      description={description}
      options={[
        { id: NONE, label: 'All services' },
        ...paths.map(p => ({ id: p.templateRef, label: p.title })),
      ]}
      value={props.value ?? NONE}
      onChange={key =>
        props.onChange(key && key !== NONE ? String(key) : undefined)
      }
      isDisabled={loading || !!error}
    />
  );
}

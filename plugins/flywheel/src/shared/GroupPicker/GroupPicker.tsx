import { Select } from '@backstage/ui';
import { useGroupTitles } from '../groupTitles';

/** The id of the option that clears the choice. */
const NONE = '*none*';

/**
 * Picks a Group entity from the catalog; starts with none chosen. With
 * `noneLabel` the first option clears the choice again (e.g. "All teams").
 */
export function GroupPicker(props: {
  value: string | undefined;
  onChange: (groupRef: string | undefined) => void;
  noneLabel?: string;
}) {
  const { noneLabel } = props;
  const { value: titles, loading, error } = useGroupTitles();
  const options = titles
    ? [...titles]
        .map(([id, label]) => ({ id, label }))
        .sort((a, b) => a.label.localeCompare(b.label))
    : undefined;

  let description: string | undefined;
  if (error) {
    description = `Could not load teams: ${error.message}`;
  } else if (options?.length === 0) {
    description = 'The catalog has no Group entities yet.';
  }

  let value: string | null = props.value ?? null;
  if (value === null && noneLabel) {
    value = NONE;
  }
  return (
    <Select
      label="Team"
      placeholder={loading ? 'Loading teams…' : 'Choose a team'}
      description={description}
      options={[
        ...(noneLabel ? [{ id: NONE, label: noneLabel }] : []),
        ...(options ?? []),
      ]}
      value={value}
      onChange={key =>
        props.onChange(key && key !== NONE ? String(key) : undefined)
      }
      isDisabled={loading || !!error}
    />
  );
}

import { Select } from '@backstage/ui';
import { useGroupTitles } from '../../shared/groupTitles';

/** Picks a Group entity from the catalog; starts with none chosen. */
export function GroupPicker(props: {
  value: string | undefined;
  onChange: (groupRef: string | undefined) => void;
}) {
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

  return (
    <Select
      label="Team"
      placeholder={loading ? 'Loading teams…' : 'Choose a team'}
      description={description}
      options={options ?? []}
      value={props.value ?? null}
      onChange={key => props.onChange(key ? String(key) : undefined)}
      isDisabled={loading || !!error}
    />
  );
}

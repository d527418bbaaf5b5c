import { Select } from '@backstage/ui';
import { useGroupTitles } from '../groupTitles';

/** The id of the option that clears the choice. */
const NONE = '*none*';

/**
 * Picks a Group entity from the catalog; starts with none chosen. With
 * `noneLabel` the first option clears the choice again (e.g. "All teams").
 * Labelled "Team" unless told otherwise; in a form, `error` marks it
 * invalid and takes the description's place (a Select without a value
 * runs no `validate`).
 */
export function GroupPicker(props: {
  value: string | undefined;
  onChange: (groupRef: string | undefined) => void;
  noneLabel?: string;
  label?: string;
  description?: string;
  isRequired?: boolean;
  error?: string;
}) {
  const { noneLabel, label = 'Team', isRequired, error: invalid } = props;
  const { value: titles, loading, error } = useGroupTitles();
  const options = titles
    ? [...titles]
        .map(([id, title]) => ({ id, label: title }))
        .sort((a, b) => a.label.localeCompare(b.label))
    : undefined;
  let description = props.description;
  if (invalid) {
    description = invalid;
  } else if (error) {
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
      label={label}
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
      isRequired={isRequired}
      isInvalid={!!invalid}
    />
  );
}

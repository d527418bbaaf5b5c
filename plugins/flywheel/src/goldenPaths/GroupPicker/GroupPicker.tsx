import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Select } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';

function groupLabel(group: Entity): string {
  const profile = group.spec?.profile as { displayName?: string } | undefined;
  return group.metadata.title ?? profile?.displayName ?? group.metadata.name;
}

/** Picks a Group entity from the catalog; starts with none chosen. */
export function GroupPicker(props: {
  value: string | undefined;
  onChange: (groupRef: string | undefined) => void;
}) {
  const catalogApi = useApi(catalogApiRef);
  const {
    value: options,
    loading,
    error,
  } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(group => ({
        id: stringifyEntityRef(group),
        label: groupLabel(group),
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi]);

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

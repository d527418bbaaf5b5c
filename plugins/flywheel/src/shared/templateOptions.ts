import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A picker option: an entity ref and how people call it. */
export type RefOption = { id: string; label: string };

/** Options in the order people look for them: by label. */
export function byLabel(a: RefOption, b: RefOption) {
  return a.label.localeCompare(b.label);
}

/** Every Template in the catalog as a picker option, by title. */
export function useTemplateOptions() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<RefOption[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Template' },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title'],
    });
    return items
      .map(t => ({
        id: stringifyEntityRef(t),
        label: t.metadata.title ?? t.metadata.name,
      }))
      .sort(byLabel);
  }, [catalogApi]);
}

/** Options for the chosen refs too, in case the catalog no longer has them. */
export function withChosen(
  options: RefOption[],
  chosen: string[],
): RefOption[] {
  const known = new Set(options.map(o => o.id));
  return [
    ...options,
    ...chosen
      .filter(ref => !known.has(ref))
      .map(ref => ({ id: ref, label: ref })),
  ];
}

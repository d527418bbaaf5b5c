import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** Group titles by entity ref, e.g. `group:default/acme` → `Acme Inc.` */
export type GroupTitles = Map<string, string>;

/** How a Group entity is named for people: title, display name, name. */
export function groupDisplayTitle(group: Entity): string {
  const profile = group.spec?.profile as { displayName?: string } | undefined;
  return group.metadata.title ?? profile?.displayName ?? group.metadata.name;
}

/** The display title of every Group in the catalog, by ref. */
export function useGroupTitles() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<GroupTitles> => {
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
    return new Map(
      items.map(g => [stringifyEntityRef(g), groupDisplayTitle(g)]),
    );
  }, [catalogApi]);
}

/** A group's title, or its name while the titles load or when it has none. */
export function groupTitle(ref: string, titles: GroupTitles | undefined) {
  const title = titles?.get(ref);
  if (title) {
    return title;
  }
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

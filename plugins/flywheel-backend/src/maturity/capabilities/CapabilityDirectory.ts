import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { CatalogReader } from '../../catalog/CatalogReader';
import { parseEntityRefOrThrow } from '../../catalog/entityRefs';
import { Capability, toCapability } from './Capability';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'relations',
];

/**
 * The capabilities a caller may see: catalog entities matching the
 * configured filter, read with the caller's credentials so the catalog's
 * permissions decide.
 */
export class CapabilityDirectory {
  constructor(
    private readonly deps: {
      catalog: Pick<CatalogReader, 'streamEntities'>;
      filter: Record<string, string | string[]>;
    },
  ) {}

  async list(credentials: BackstageCredentials): Promise<Capability[]> {
    return this.read(this.deps.filter, credentials);
  }

  /** One capability, or NotFoundError when hidden, missing or not one. */
  async get(
    ref: { kind: string; namespace: string; name: string },
    credentials: BackstageCredentials,
  ): Promise<Capability> {
    const entityRef = parseEntityRefOrThrow(
      `${ref.kind}:${ref.namespace}/${ref.name}`,
      'capability',
    );
    const narrowed = { ...this.deps.filter };
    const clash = ['kind', 'metadata.namespace', 'metadata.name'].some(key => {
      const wanted = (entityRef as Record<string, string>)[
        key.replace('metadata.', '')
      ].toLocaleLowerCase('en-US');
      const given = narrowed[key];
      delete narrowed[key];
      return (
        given !== undefined &&
        ![given].flat().some(v => v.toLocaleLowerCase('en-US') === wanted)
      );
    });
    const [capability] = clash
      ? []
      : await this.read(
          {
            ...narrowed,
            kind: entityRef.kind,
            'metadata.namespace': entityRef.namespace,
            'metadata.name': entityRef.name,
          },
          credentials,
        );
    if (!capability) {
      throw new NotFoundError(
        `No capability ${ref.kind}:${ref.namespace}/${ref.name}`,
      );
    }
    return capability;
  }

  private async read(
    filter: Record<string, string | string[]>,
    credentials: BackstageCredentials,
  ): Promise<Capability[]> {
    const capabilities: Capability[] = [];
    for await (const page of this.deps.catalog.streamEntities(
      filter,
      credentials,
      500,
      FIELDS,
    )) {
      capabilities.push(...page.map(toCapability));
    }
    return capabilities.sort((a, b) => a.title.localeCompare(b.title));
  }
}

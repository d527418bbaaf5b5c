import fs from 'fs';
import path from 'path';
import { Entity } from '@backstage/catalog-model';
import yaml from 'yaml';

const EXAMPLES = path.resolve(__dirname, '../../../../../examples');

/**
 * The example catalog as the catalog serves it: examples/org.yaml,
 * examples/catalog/*.yaml and the templates, with the relations the
 * catalog derives (ownedBy, memberOf, hasMember, childOf, parentOf).
 */
export function exampleCatalog(): Entity[] {
  const files = [
    path.join(EXAMPLES, 'org.yaml'),
    ...fs
      .readdirSync(path.join(EXAMPLES, 'catalog'))
      .map(f => path.join(EXAMPLES, 'catalog', f)),
    ...fs
      .readdirSync(path.join(EXAMPLES, 'templates'))
      .map(t => path.join(EXAMPLES, 'templates', t, 'template.yaml')),
  ];
  const entities: Entity[] = files.flatMap(file =>
    yaml
      .parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJSON())
      .filter(Boolean)
      .map(e => ({
        ...e,
        metadata: { namespace: 'default', ...e.metadata },
        relations: [],
      })),
  );
  const ref = (kind: string, name: string) =>
    (name.includes(':') ? name : `${kind}:default/${name}`).toLowerCase();
  const relate = (entity: Entity, type: string, targetRef: string) =>
    entity.relations!.push({ type, targetRef });
  for (const e of entities) {
    const spec = (e.spec ?? {}) as Record<string, any>;
    if (typeof spec.owner === 'string') {
      relate(e, 'ownedBy', ref('group', spec.owner));
    }
    if (e.kind === 'User') {
      for (const team of spec.memberOf ?? []) {
        relate(e, 'memberOf', ref('group', team));
        const group = entities.find(
          g => g.kind === 'Group' && ref('group', g.metadata.name) === team,
        );
        if (group) relate(group, 'hasMember', ref('user', e.metadata.name));
      }
    }
    if (e.kind === 'Group') {
      if (spec.parent) relate(e, 'childOf', ref('group', spec.parent));
      for (const child of spec.children ?? []) {
        relate(e, 'parentOf', ref('group', child));
      }
    }
  }
  return entities;
}

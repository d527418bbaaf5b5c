import { Entity } from '@backstage/catalog-model';
import { hasDrifted, isGoldenPathTemplate, readProvenance } from './provenance';

const component = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', annotations },
  spec: {},
});

describe('readProvenance', () => {
  it('prefers Flywheel provenance over source-template', () => {
    expect(
      readProvenance(
        component({
          'backstage.io/source-template': 'template:default/old',
          'flywheel.dev/template-ref': 'template:default/TypeScript-Service',
          'flywheel.dev/template-version': '1.1.0',
          'flywheel.dev/created-at': '2026-06-14T09:21:00Z',
        }),
      ),
    ).toEqual({
      templateRef: 'template:default/typescript-service',
      templateVersion: '1.1.0',
      createdAt: '2026-06-14T09:21:00Z',
    });
  });

  it('backfills from backstage.io/source-template alone', () => {
    expect(
      readProvenance(
        component({ 'backstage.io/source-template': 'template:default/x' }),
      ),
    ).toEqual({ templateRef: 'template:default/x' });
  });

  it('returns undefined for hand-made entities', () => {
    expect(readProvenance(component({}))).toBeUndefined();
  });
});

describe('isGoldenPathTemplate', () => {
  it('needs the label on a Template', () => {
    const template: Entity = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 't', labels: { 'flywheel.dev/golden-path': 'true' } },
    };
    expect(isGoldenPathTemplate(template)).toBe(true);
    expect(isGoldenPathTemplate({ ...template, metadata: { name: 't' } })).toBe(
      false,
    );
    expect(isGoldenPathTemplate({ ...template, kind: 'Component' })).toBe(
      false,
    );
  });
});

describe('hasDrifted', () => {
  it.each([
    ['1.0.0', '1.2.0', true],
    ['1.2.0', '1.2.0', false],
    ['1.10.0', '1.9.0', false],
    ['1.9.0', '1.10.0', true],
    [undefined, '1.2.0', false],
    ['1.0.0', undefined, false],
  ])('created from %s, current %s → %s', (from, current, expected) => {
    expect(hasDrifted(from, current)).toBe(expected);
  });
});

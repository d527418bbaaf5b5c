import { mockContext } from '../__testUtils__/mockContext';
import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'fs-extra';
import path from 'path';
import { parseAllDocuments } from 'yaml';
import { createProvenanceStampAction } from './provenanceStamp';

const templateInfo = {
  entityRef: 'template:default/typescript-service',
  entity: {
    metadata: {
      name: 'typescript-service',
      annotations: { 'flywheel.dev/template-version': '1.2.0' },
    },
  },
};

describe('flywheel:provenance:stamp', () => {
  const workspace = createMockDirectory();
  const action = createProvenanceStampAction({
    now: () => new Date('2026-11-25T12:00:00Z'),
  });

  beforeEach(() => {
    workspace.setContent({
      'catalog-info.yaml': [
        '# created by the golden path',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: checkout',
        '  annotations:',
        '    backstage.io/techdocs-ref: dir:.',
        'spec:',
        '  type: service',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata:',
        '  name: checkout-api',
        'spec:',
        '  type: openapi',
        '',
      ].join('\n'),
    });
  });

  it('stamps every entity in the descriptor and keeps the rest', async () => {
    const ctx = mockContext({
      input: {},
      workspacePath: workspace.path,
      templateInfo,
      task: { id: 'task-42' },
    });
    await action.handler(ctx);

    const text = await fs.readFile(
      path.join(workspace.path, 'catalog-info.yaml'),
      'utf8',
    );
    expect(text).toContain('# created by the golden path');
    const [component, api] = parseAllDocuments(text).map(d => d.toJS());
    const stamp = {
      'backstage.io/source-template': 'template:default/typescript-service',
      'flywheel.dev/template-ref': 'template:default/typescript-service',
      'flywheel.dev/template-version': '1.2.0',
      'flywheel.dev/created-at': '2026-11-25T12:00:00.000Z',
      'flywheel.dev/scaffolder-task-id': 'task-42',
    };
    expect(component.metadata.annotations).toEqual({
      'backstage.io/techdocs-ref': 'dir:.',
      ...stamp,
    });
    expect(component.spec).toEqual({ type: 'service' });
    expect(api.metadata.annotations).toEqual(stamp);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/checkout',
    );
    expect(ctx.output).toHaveBeenCalledWith('templateVersion', '1.2.0');
  });

  it('fails with a clear message outside a template or without the file', async () => {
    await expect(
      action.handler(mockContext({ input: {}, workspacePath: workspace.path })),
    ).rejects.toThrow(/must run inside a template/);
    await expect(
      action.handler(
        mockContext({
          input: { path: 'missing.yaml' },
          workspacePath: workspace.path,
          templateInfo,
        }),
      ),
    ).rejects.toThrow(/No missing.yaml in the workspace/);
  });

  it('refuses paths outside the workspace', async () => {
    await expect(
      action.handler(
        mockContext({
          input: { path: '../../etc/passwd' },
          workspacePath: workspace.path,
          templateInfo,
        }),
      ),
    ).rejects.toThrow(/outside/i);
  });

  describe('adopting a golden path (goldenPath)', () => {
    const credentials = mockCredentials.user('user:default/guest');
    const templates = new Map<string, Entity>();
    const catalog = {
      getEntityByRef: jest.fn(async (ref: string) => templates.get(ref)),
    };
    const adopt = createProvenanceStampAction({
      now: () => new Date('2026-12-06T12:00:00Z'),
      catalog,
    });
    const template = (
      name: string,
      options: { golden?: boolean; version?: string } = {},
    ): Entity => ({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: {
        name,
        namespace: 'default',
        ...(options.golden !== false
          ? { labels: { 'flywheel.dev/golden-path': 'true' } }
          : {}),
        ...(options.version
          ? {
              annotations: {
                'flywheel.dev/template-version': options.version,
              },
            }
          : {}),
      },
    });
    const legacy = [
      '# Hand-made in 2024, before the golden path existed',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: release-notes-service',
      '  description: Weekly release notes',
      '  tags: [node]',
      'spec:',
      '  type: service',
      '  lifecycle: production',
      '  owner: group:default/platform-devex',
      '',
    ].join('\n');
    const readStamped = async () => {
      const text = await fs.readFile(
        path.join(workspace.path, 'catalog-info.yaml'),
        'utf8',
      );
      return { text, entity: parseAllDocuments(text)[0].toJS() };
    };
    const runAdopt = (input: Record<string, any>) => {
      const ctx = mockContext({
        input,
        workspacePath: workspace.path,
        // The running template is the adoption template, not the path.
        templateInfo: {
          entityRef: 'template:default/adopt-golden-path',
          entity: { metadata: { name: 'adopt-golden-path' } },
        },
        task: { id: 'task-7' },
        getInitiatorCredentials: async () => credentials,
      });
      return { ctx, done: adopt.handler(ctx) };
    };

    beforeEach(() => {
      jest.clearAllMocks();
      templates.clear();
      templates.set(
        'template:default/typescript-service',
        template('typescript-service', { version: '1.2.0' }),
      );
      templates.set(
        'template:default/adopt-golden-path',
        template('adopt-golden-path', { golden: false }),
      );
      workspace.setContent({ 'catalog-info.yaml': legacy });
    });

    it("stamps the path's ref and current version and keeps the entity's own fields", async () => {
      const { ctx, done } = runAdopt({
        goldenPath: 'template:default/typescript-service',
        defaultAnnotations: { 'backstage.io/techdocs-ref': 'dir:.' },
      });
      await done;

      const { text, entity } = await readStamped();
      expect(text).toContain('# Hand-made in 2024');
      expect(entity).toEqual({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'release-notes-service',
          description: 'Weekly release notes',
          tags: ['node'],
          annotations: {
            'backstage.io/techdocs-ref': 'dir:.',
            'backstage.io/source-template':
              'template:default/typescript-service',
            'flywheel.dev/template-ref': 'template:default/typescript-service',
            'flywheel.dev/template-version': '1.2.0',
          },
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/platform-devex',
        },
      });
      expect(catalog.getEntityByRef).toHaveBeenCalledWith(
        'template:default/typescript-service',
        { credentials },
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'templateRef',
        'template:default/typescript-service',
      );
      expect(ctx.output).toHaveBeenCalledWith('templateVersion', '1.2.0');
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        'component:default/release-notes-service',
      );
    });

    it('keeps what the entity already has: its creation, its source template, its own annotations', async () => {
      workspace.setContent({
        'catalog-info.yaml': [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: checkout-api',
          '  annotations:',
          '    backstage.io/techdocs-ref: url:https://docs.acme.example/checkout',
          '    backstage.io/source-template: template:default/old-service',
          '    flywheel.dev/template-ref: template:default/old-service',
          "    flywheel.dev/template-version: '3.1.0'",
          "    flywheel.dev/created-at: '2026-03-01T10:00:00Z'",
          '    flywheel.dev/scaffolder-task-id: task-1',
          'spec:',
          '  type: service',
          '',
        ].join('\n'),
      });
      await runAdopt({
        goldenPath: 'typescript-service',
        defaultAnnotations: { 'backstage.io/techdocs-ref': 'dir:.' },
      }).done;

      const { entity } = await readStamped();
      expect(entity.metadata.annotations).toEqual({
        'backstage.io/techdocs-ref': 'url:https://docs.acme.example/checkout',
        'backstage.io/source-template': 'template:default/old-service',
        'flywheel.dev/template-ref': 'template:default/typescript-service',
        'flywheel.dev/template-version': '1.2.0',
        'flywheel.dev/created-at': '2026-03-01T10:00:00Z',
        'flywheel.dev/scaffolder-task-id': 'task-1',
      });
    });

    it.each([
      [
        'an older version',
        "    flywheel.dev/template-version: '1.1.0'",
        '1.1.0',
      ],
      ['an unknown version', '', '\\(version unknown\\)'],
    ])(
      'refuses an entity created from %s of the path, and leaves the file alone',
      async (_what, versionLine, shown) => {
        const onPath = [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: checkout-api',
          '  annotations:',
          '    backstage.io/source-template: template:default/typescript-service',
          ...(versionLine ? [versionLine] : []),
          'spec:',
          '  type: service',
          '',
        ].join('\n');
        workspace.setContent({ 'catalog-info.yaml': onPath });
        await expect(
          runAdopt({ goldenPath: 'template:default/typescript-service' }).done,
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringMatching(
            new RegExp(
              `on template:default/typescript-service ${shown} already: bring it to 1.2.0`,
            ),
          ),
        });
        expect((await readStamped()).text).toBe(onPath);
      },
    );

    it('stamps an entity already on the current version again, unchanged', async () => {
      await runAdopt({ goldenPath: 'template:default/typescript-service' })
        .done;
      const { text } = await readStamped();
      await runAdopt({ goldenPath: 'template:default/typescript-service' })
        .done;
      expect((await readStamped()).text).toBe(text);
    });

    it('drops a version of another template when the path has none', async () => {
      templates.set(
        'template:default/unversioned',
        template('unversioned', {}),
      );
      workspace.setContent({
        'catalog-info.yaml': [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: checkout-api',
          '  annotations:',
          "    flywheel.dev/template-version: '3.0.0'",
          'spec:',
          '  type: service',
          '',
        ].join('\n'),
      });
      const { ctx, done } = runAdopt({
        goldenPath: 'template:default/unversioned',
      });
      await done;
      const { entity } = await readStamped();
      expect(entity.metadata.annotations).toEqual({
        'backstage.io/source-template': 'template:default/unversioned',
        'flywheel.dev/template-ref': 'template:default/unversioned',
      });
      expect(ctx.output).not.toHaveBeenCalledWith(
        'templateVersion',
        expect.anything(),
      );
    });

    it.each([
      [
        'a template that is not a golden path',
        'template:default/adopt-golden-path',
        /is not a golden path/,
      ],
      [
        'a template that is not in the catalog',
        'template:default/python-service',
        /No golden path template:default\/python-service in the catalog/,
      ],
      [
        'an entity that is not a template',
        'component:default/checkout-api',
        /must be the entity ref of a Template/,
      ],
      ['an invalid ref', 'template:', /must be the entity ref of a Template/],
    ])(
      'refuses %s and leaves the file alone',
      async (_what, goldenPath, message) => {
        await expect(runAdopt({ goldenPath }).done).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringMatching(message),
        });
        expect((await readStamped()).text).toBe(legacy);
      },
    );

    it('needs a catalog', async () => {
      await expect(
        action.handler(
          mockContext({
            input: { goldenPath: 'template:default/typescript-service' },
            workspacePath: workspace.path,
            templateInfo,
          }),
        ),
      ).rejects.toThrow(/created without a catalog/);
    });
  });

  it('adds default annotations to a new service too, where missing', async () => {
    const ctx = mockContext({
      input: {
        defaultAnnotations: {
          'backstage.io/techdocs-ref': 'url:elsewhere',
          'acme.example/tier': '2',
        },
      },
      workspacePath: workspace.path,
      templateInfo,
      task: { id: 'task-42' },
    });
    await action.handler(ctx);
    const [component] = parseAllDocuments(
      await fs.readFile(path.join(workspace.path, 'catalog-info.yaml'), 'utf8'),
    ).map(d => d.toJS());
    expect(component.metadata.annotations).toMatchObject({
      'backstage.io/techdocs-ref': 'dir:.',
      'acme.example/tier': '2',
      'flywheel.dev/created-at': '2026-11-25T12:00:00.000Z',
    });
  });
});

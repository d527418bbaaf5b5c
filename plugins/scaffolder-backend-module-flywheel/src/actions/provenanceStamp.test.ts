import { mockContext } from '../__testUtils__/mockContext';
import { createMockDirectory } from '@backstage/backend-test-utils';
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
});

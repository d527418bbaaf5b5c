import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const provenanceStampExamples: TemplateExample[] = [
  {
    description:
      'Stamp the skeleton catalog-info.yaml with the golden-path provenance',
    example: yaml.stringify({
      steps: [
        {
          id: 'provenance',
          action: 'flywheel:provenance:stamp',
          name: 'Stamp golden-path provenance',
          input: { path: 'catalog-info.yaml' },
        },
      ],
    }),
  },
  {
    description:
      'Stamp an existing service (fetched into the workspace) as adopting a golden path at its current version, with the TechDocs annotation the path brings',
    example: yaml.stringify({
      steps: [
        {
          id: 'provenance',
          action: 'flywheel:provenance:stamp',
          name: 'Stamp the adopted golden path',
          input: {
            path: 'catalog-info.yaml',
            goldenPath: 'template:default/typescript-service',
            defaultAnnotations: { 'backstage.io/techdocs-ref': 'dir:.' },
          },
        },
      ],
    }),
  },
];

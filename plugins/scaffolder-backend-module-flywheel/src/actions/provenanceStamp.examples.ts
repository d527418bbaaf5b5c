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
];

import { MetricDefinition } from '@flywheel/plugin-flywheel-common';

/** `surveys.*.nps`: the first registered metric that matches. */
export function matchMetric(
  pattern: string,
  definitions: MetricDefinition[],
): MetricDefinition | undefined {
  if (!pattern.includes('*')) {
    return definitions.find(d => d.id === pattern);
  }
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^.]+')}$`,
  );
  return definitions.find(d => regex.test(d.id));
}

import { catalogAnnotationCheck } from './catalogAnnotation';
import { catalogFieldCheck } from './catalogField';
import { catalogFilterCheck } from './catalogFilter';
import { catalogRelationCheck } from './catalogRelation';
import { CheckType } from './CheckType';
import { factCheck } from './fact';
import { goldenPathCreatedCheck } from './goldenPathCreated';
import { goldenPathCurrentVersionCheck } from './goldenPathCurrentVersion';
import { metricCheck } from './metricThreshold';

export type { CheckType } from './CheckType';
export { catalogAnnotationCheck } from './catalogAnnotation';
export { catalogFieldCheck } from './catalogField';
export { catalogFilterCheck } from './catalogFilter';
export { catalogRelationCheck } from './catalogRelation';
export { factCheck } from './fact';
export { goldenPathCreatedCheck } from './goldenPathCreated';
export { goldenPathCurrentVersionCheck } from './goldenPathCurrentVersion';
export { metricCheck } from './metricThreshold';

/** The check types Flywheel ships, in the order the docs list them. */
export const builtinCheckTypes: CheckType[] = [
  catalogAnnotationCheck,
  catalogFieldCheck,
  catalogRelationCheck,
  catalogFilterCheck,
  goldenPathCreatedCheck,
  goldenPathCurrentVersionCheck,
  metricCheck,
  factCheck,
];

/** Check types by their `type`; throws when two share one. */
export function checkTypesById(types: CheckType[]): Map<string, CheckType> {
  const byId = new Map<string, CheckType>();
  for (const type of types) {
    if (byId.has(type.type)) {
      throw new Error(`Duplicate scorecard check type '${type.type}'`);
    }
    byId.set(type.type, type);
  }
  return byId;
}

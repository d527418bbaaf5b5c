/*
 * Loaded into each replica (ReplicaSpec.modules): the scorecards
 * benchmark's in-process fact provider, registered as an adopter's backend
 * module registers one, so the replicas run the same 5 scorecards × 10
 * checks as `bench:scorecards`.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { flywheelScorecardsExtensionPoint } from '@flywheel/plugin-flywheel-node';
import { qualityFactProvider } from '../scorecards/flywheelFacts';

export default createBackendModule({
  pluginId: 'flywheel',
  moduleId: 'flywheel-bench-load-facts',
  register(env) {
    env.registerInit({
      deps: { scorecards: flywheelScorecardsExtensionPoint },
      async init({ scorecards }) {
        scorecards.addFactProvider(qualityFactProvider);
      },
    });
  },
});

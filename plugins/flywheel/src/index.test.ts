import * as flywheel from './index';
import newSystemPlugin from './alpha';

describe('@flywheel/plugin-flywheel entry point', () => {
  it('default-exports the new-frontend-system plugin, for feature discovery', () => {
    expect(flywheel.default).toBe(newSystemPlugin);
    expect(flywheel.default.$$type).toBe('@backstage/FrontendPlugin');
  });

  it('exports the legacy plugin and its extensions by name', () => {
    expect(flywheel.flywheelPlugin.getId()).toBe('flywheel');
    expect([...flywheel.flywheelPlugin.getApis()].map(f => f.api.id)).toEqual([
      'plugin.flywheel.api',
    ]);
    expect(Object.keys(flywheel.flywheelPlugin.externalRoutes)).toEqual([
      'createFromTemplate',
    ]);
    for (const extension of [
      flywheel.FlywheelPage,
      flywheel.EntityGoldenPathCard,
      flywheel.EntityGroupAdoptionCard,
      flywheel.EntityValueStreamCard,
      flywheel.EntityCampaignsCard,
      flywheel.EntityGroupCampaignsCard,
      flywheel.EntityScorecardsContent,
      flywheel.EntityTeamScorecardContent,
      flywheel.FlywheelSurveyPrompt,
    ]) {
      expect(typeof extension).toBe('function');
    }
  });
});

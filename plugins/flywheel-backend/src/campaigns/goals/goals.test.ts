import { CampaignGoal } from '@flywheel/plugin-flywheel-common';
import { GoalScorecard } from '../../interfaces/scorecardGoals';
import { goalScorecard } from './goals';

const ops: GoalScorecard = {
  id: 'ops',
  title: 'Operational readiness',
  checks: [{ id: 'docs', title: 'Has TechDocs' }],
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
};
const check: CampaignGoal = {
  type: 'check',
  scorecardId: 'ops',
  checkId: 'docs',
};
const silver: CampaignGoal = {
  type: 'level',
  scorecardId: 'ops',
  level: 'silver',
};
const path: CampaignGoal = {
  type: 'goldenPath',
  templateRef: 'template:default/typescript-service',
  minVersion: '1.2.0',
};

describe('goalScorecard', () => {
  it('names unknown scorecards, checks and levels with the known ones', () => {
    expect(goalScorecard(check, [ops])).toBe(ops);
    expect(goalScorecard(path, [ops])).toBeUndefined();
    expect(() =>
      goalScorecard({ ...check, scorecardId: 'nope' }, [ops]),
    ).toThrow("goal.scorecardId: no scorecard 'nope'; known: ops");
    expect(() => goalScorecard({ ...check, checkId: 'x' }, [ops])).toThrow(
      "scorecard 'ops' has no check 'x'; known: docs",
    );
    expect(() =>
      goalScorecard({ ...silver, level: 'platinum' }, [ops]),
    ).toThrow("no level 'platinum'; known: bronze, silver, gold");
  });
});

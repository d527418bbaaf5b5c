import { CampaignGoal } from './types';
import {
  CampaignGoalScorecard as GoalScorecard,
  describeCampaignGoal as describeGoal,
  judgeCampaignGoal as judgeGoal,
} from './goals';

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

describe('campaign goals', () => {
  it('describes goals in words', () => {
    expect(describeGoal(check, [ops])).toBe(
      'Operational readiness: the check "Has TechDocs" passes',
    );
    expect(describeGoal(silver, [ops])).toBe(
      'Operational readiness: level Silver or higher',
    );
    expect(describeGoal(path, [])).toBe(
      'On the golden path typescript-service at version 1.2.0 or later',
    );
  });

  it('judges a check goal: pass is met, exempt and not applicable are exempt', () => {
    const judge = (state: any) =>
      judgeGoal(check, {
        scorecard: ops,
        standing: { check: { state, reason: `it is ${state}` } },
      });
    expect(judge('pass')).toEqual({ state: 'met', reason: 'it is pass' });
    expect(judge('fail')).toEqual({ state: 'open', reason: 'it is fail' });
    expect(judge('warn').state).toBe('open');
    expect(judge('unknown').state).toBe('open');
    expect(judge('exempt')).toEqual({
      state: 'exempt',
      reason: 'Exempt: it is exempt',
    });
    expect(judge('not-applicable').state).toBe('exempt');
    expect(judgeGoal(check, { scorecard: ops })).toEqual({
      state: 'exempt',
      reason:
        'Not scored by Operational readiness: the scorecard does not apply to it (or has not evaluated it yet)',
    });
  });

  it('judges a level goal by rank: the level or a higher one', () => {
    const at = (level?: string) =>
      judgeGoal(silver, { scorecard: ops, standing: level ? { level } : {} });
    expect(at('gold')).toEqual({ state: 'met', reason: 'Reached Gold' });
    expect(at('silver').state).toBe('met');
    expect(at('bronze')).toEqual({
      state: 'open',
      reason: 'At Bronze; Silver needed',
    });
    expect(at(undefined)).toEqual({
      state: 'open',
      reason: 'No level reached yet; Silver needed',
    });
  });

  it('judges a golden-path goal by template and version, refs without regard to case', () => {
    expect(
      judgeGoal(path, {
        provenance: {
          templateRef: 'template:default/TypeScript-Service',
          templateVersion: '1.10.0',
        },
      }),
    ).toEqual({ state: 'met', reason: 'On typescript-service 1.10.0' });
    expect(
      judgeGoal(path, {
        provenance: {
          templateRef: 'template:default/typescript-service',
          templateVersion: '1.1.0',
        },
      }),
    ).toEqual({
      state: 'open',
      reason: 'On typescript-service 1.1.0; 1.2.0 or later needed',
    });
    expect(
      judgeGoal(path, {
        provenance: { templateRef: 'template:default/react-webapp' },
      }).reason,
    ).toBe('Created from react-webapp, not the golden path typescript-service');
    expect(judgeGoal(path, {})).toEqual({
      state: 'open',
      reason: 'Not on the golden path typescript-service',
    });
    expect(
      judgeGoal(
        {
          type: 'goldenPath',
          templateRef: 'template:default/typescript-service',
        },
        { provenance: { templateRef: 'template:default/typescript-service' } },
      ).state,
    ).toBe('met');
  });
});

import { DateTime } from 'luxon';
import { OrgDirectory } from '../access/audience';
import { isSampled, isThrottled, ThrottleSettings } from './eligibility';
import { Participation } from '../store/SurveyStore';
import { WaveAudience } from '../store/WaveAudienceStore';

/** Who a wave asks, decided once when it opens. */
export interface WaveInvitations {
  /** People invited (refs lowercased): in the audience and the sample, not throttled. */
  invited: string[];
  /** The audience and the invited per team, own members only. */
  audience: WaveAudience;
}

/** How far back answers to other surveys can throttle a person. */
export function throttleHorizon(at: Date, throttle: ThrottleSettings): Date {
  return DateTime.fromJSDate(at)
    .minus({
      days: Math.max(
        throttle.minDaysBetweenSurveys,
        throttle.minDaysBetweenNps,
      ),
    })
    .toJSDate();
}

/**
 * Decides whom a wave invites: everyone in its audience who falls in its
 * sample and has not answered another survey too recently, as of `at` (when
 * the wave opened). The same rules decide prompts, person by person; here
 * they run over the whole audience at once, so that invitations go only to
 * the invited and response rates divide by them.
 */
export function waveInvitations(input: {
  members: Set<string>;
  samplingPercent: number;
  asksNps: boolean;
  directory: OrgDirectory;
  /** Answers to any survey since the throttle horizon, by person (lowercased). */
  recent: Map<string, Participation[]>;
  throttle: ThrottleSettings;
  wave: { id: string; opensAt: Date; closesAt: Date };
  at: Date;
}): WaveInvitations {
  const invited: string[] = [];
  const audience: WaveAudience = new Map();
  for (const user of input.members) {
    const team = input.directory.primaryGroup(user) ?? null;
    const counts = audience.get(team) ?? { audience: 0, invited: 0 };
    counts.audience++;
    const asked =
      isSampled(user, input.wave.id, input.samplingPercent) &&
      !isThrottled(
        {
          wave: input.wave,
          asksNps: input.asksNps,
          recentAnswers: input.recent.get(user) ?? [],
          now: input.at,
        },
        input.throttle,
      );
    if (asked) {
      counts.invited++;
      invited.push(user);
    }
    audience.set(team, counts);
  }
  return { invited, audience };
}

import { NotificationService } from '@backstage/plugin-notifications-node';
import { SurveyInviter } from '../SurveyService';

const CHUNK = 500;

/**
 * Invites a wave's audience through Backstage notifications, linking to the
 * survey page. The scope makes a retried invitation replace, not repeat.
 */
export function notificationInviter(
  notifications: NotificationService,
): SurveyInviter {
  return {
    async invite(survey, wave, userRefs) {
      for (let i = 0; i < userRefs.length; i += CHUNK) {
        await notifications.send({
          recipients: {
            type: 'entity',
            entityRef: userRefs.slice(i, i + CHUNK),
          },
          payload: {
            title: `Quick survey: ${survey.definition.title}`,
            description: `${
              survey.definition.description ??
              'The platform team would like your opinion.'
            } Open until ${wave.closesAt.toISOString().slice(0, 10)}.${
              survey.definition.anonymous ? ' Answers are anonymous.' : ''
            }`,
            link: `/flywheel/surveys/${encodeURIComponent(survey.id)}/respond`,
            topic: 'flywheel-surveys',
            scope: `flywheel-survey-wave:${wave.id}`,
          },
        });
      }
    },
  };
}

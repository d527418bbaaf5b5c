import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CampaignDefinition } from '@flywheel/plugin-flywheel-common';
import { DEFAULT_LANGUAGE_ANNOTATION } from '../cohort/cohortMatcher';
import { parseCampaignDefinition } from '../definitions/campaignSchema';

export interface CampaignSettings {
  /** Campaigns defined as code. */
  definitions: CampaignDefinition[];
  languageAnnotation: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/**
 * `flywheel.campaigns`: campaigns as code, the language annotation cohorts
 * compare with, and how often cohorts are evaluated in full. A bad campaign
 * stops the backend with the entry and field named.
 */
export function readCampaignsConfig(config: Config): CampaignSettings {
  const raw = config.getOptional<unknown[]>('flywheel.campaigns.definitions');
  const definitions: CampaignDefinition[] = [];
  (raw ?? []).forEach((item, i) => {
    let definition: CampaignDefinition;
    try {
      definition = parseCampaignDefinition(
        item,
        `flywheel.campaigns.definitions[${i}]`,
      );
    } catch (error) {
      throw new Error((error as Error).message);
    }
    if (definitions.some(d => d.id === definition.id)) {
      throw new Error(
        `flywheel.campaigns.definitions[${i}]: the id '${definition.id}' is used twice`,
      );
    }
    definitions.push(definition);
  });
  return {
    definitions,
    languageAnnotation:
      config.getOptionalString('flywheel.campaigns.languageAnnotation') ??
      DEFAULT_LANGUAGE_ANNOTATION,
    schedule: config.has('flywheel.campaigns.schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('flywheel.campaigns.schedule'),
        )
      : {
          frequency: { minutes: 10 },
          timeout: { minutes: 15 },
          initialDelay: { minutes: 1 },
        },
  };
}

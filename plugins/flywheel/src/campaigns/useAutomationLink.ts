import { CampaignAutomation } from '@flywheel/plugin-flywheel-common';
import { useTemplateLinks } from '../shared/templateLink';
import { automationFormData } from './campaignFormat';

/**
 * Links "Start onboarding" to the scaffolder page of a campaign's
 * automation template, its form filled with the entity and the fixed
 * parameters; undefined for a campaign without automation.
 */
export function useAutomationLink(
  automation: CampaignAutomation | undefined,
): ((entityRef: string) => string) | undefined {
  const templateLinks = useTemplateLinks();
  if (!automation) {
    return undefined;
  }
  return entityRef =>
    templateLinks(
      automation.templateRef,
      automationFormData(automation, entityRef),
    );
}

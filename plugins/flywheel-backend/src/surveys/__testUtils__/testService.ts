import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { OrgSource } from '../access/audience';
import { readSurveySettings } from '../config/readSurveysConfig';
import { SurveyInviter, SurveyService } from '../SurveyService';
import { SurveyStore } from '../store/SurveyStore';

/**
 * A SurveyService for tests: `flywheel.surveys` settings from `config`
 * (defaults when absent), every permission allowed unless `allowed` names
 * the ones that are, and the clock `now`.
 */
export function testSurveyService(options: {
  store: SurveyStore;
  catalog: OrgSource;
  now: () => Date;
  config?: object;
  allowed?: ReadonlySet<string>;
  inviter?: SurveyInviter;
}): SurveyService {
  const { allowed } = options;
  return new SurveyService({
    store: options.store,
    catalog: options.catalog,
    auth: mockServices.auth(),
    permissions: mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            !allowed || allowed.has(r.permission.name)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })) as any,
    }),
    settings: readSurveySettings(
      new ConfigReader({ flywheel: { surveys: options.config ?? {} } }),
    ),
    logger: mockServices.logger.mock(),
    inviter: options.inviter,
    now: options.now,
  });
}

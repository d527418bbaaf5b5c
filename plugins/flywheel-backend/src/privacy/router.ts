import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { routeHelpers } from '../http/callers';
import { FlywheelApiRouter } from '../http/createRouter';
import { PersonalDataService } from './PersonalDataService';

/** HTTP ↔ PersonalDataService: backends only, audited. */
export function registerPrivacyRoutes(
  router: FlywheelApiRouter,
  deps: {
    personalData: PersonalDataService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { personalData } = deps;
  const { backend, audited } = routeHelpers(deps);

  // A data-subject request is handled by people with a static token (or a
  // backend acting for them), never from a Backstage session: with the
  // allow-all policy every signed-in person could otherwise erase anyone.
  router.post('/privacy/erasures', async (req, res) => {
    const erasure = await audited(
      req,
      'privacy-erase',
      { userRef: req.body.userRef },
      async () => personalData.erase(req.body, await backend(req)),
    );
    res.json(erasure);
  });
}

import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { audited } from './audited';

type Request = Parameters<HttpAuthService['credentials']>[0];

/**
 * What every route does besides calling its service, one way for all
 * domains: read the caller's credentials (the services decide what they
 * may do) and run writes inside an audit event.
 */
export function routeHelpers(deps: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}) {
  const { httpAuth, auditor } = deps;
  return {
    /** A person or another backend. */
    anyone: (req: Request) =>
      httpAuth.credentials(req, { allow: ['user', 'service'] }),
    /** Another backend or a CI job with a service token, never a person. */
    backend: (req: Request) =>
      httpAuth.credentials(req, { allow: ['service'] }),
    /** A person: writes that record who did them, answers, authoring. */
    person: (req: Request) => httpAuth.credentials(req, { allow: ['user'] }),
    audited: <T>(
      req: Request,
      eventId: string,
      meta: JsonObject,
      fn: () => Promise<T>,
    ) => audited(auditor, req, eventId, meta, fn),
  };
}

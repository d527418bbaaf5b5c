import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';
import { rateLimit, Store } from 'express-rate-limit';
import { userRefOf } from '../../permissions/principals';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const WRITE_WINDOW_MS = 60_000;
export const DEFAULT_WRITES_PER_MINUTE = 120;

/** `flywheel.rateLimit.writesPerMinute`; 0 turns the limit off. */
export function readWritesPerMinute(config: Config): number {
  const limit =
    config.getOptionalNumber('flywheel.rateLimit.writesPerMinute') ??
    DEFAULT_WRITES_PER_MINUTE;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InputError(
      `flywheel.rateLimit.writesPerMinute must be a whole number of 0 or more (0 turns the limit off), not ${limit}`,
    );
  }
  return limit;
}

/**
 * At most `writesPerMinute` writes a minute per person, counted across
 * replicas by the store; a write over the budget is answered 429 before it
 * is read, with Retry-After. Backends (service credentials) are not
 * limited: their batches are configured, not clicked. Requests without
 * valid credentials pass on to the route, which answers 401.
 */
export function writeRateLimit(options: {
  httpAuth: HttpAuthService;
  writesPerMinute: number;
  store: Store;
}): RequestHandler {
  const { httpAuth, writesPerMinute, store } = options;
  if (writesPerMinute === 0) {
    return (_req, _res, next) => next();
  }
  const callers = new WeakMap<object, string | undefined>();
  const callerOf = async (req: Parameters<RequestHandler>[0]) => {
    if (!callers.has(req)) {
      const user = await httpAuth
        .credentials(req, { allow: ['user'] })
        .then(userRefOf, () => undefined);
      callers.set(req, user?.toLocaleLowerCase('en-US'));
    }
    return callers.get(req);
  };
  return rateLimit({
    windowMs: WRITE_WINDOW_MS,
    limit: writesPerMinute,
    store,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // The key is the person, never the address: behind a proxy everyone
    // shares one.
    validate: { trustProxy: false, xForwardedForHeader: false },
    skip: async req => !WRITE_METHODS.has(req.method) || !(await callerOf(req)),
    keyGenerator: async req => (await callerOf(req))!,
    handler: (req, res) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit
        ?.resetTime;
      const retryAfter = Math.max(
        1,
        Math.ceil(((resetTime?.getTime() ?? 0) - Date.now()) / 1000),
      );
      res.status(429).json({
        error: {
          name: 'TooManyRequestsError',
          message: `Too many changes: at most ${writesPerMinute} a minute per person. Nothing was saved; try again in ${retryAfter} s.`,
        },
        response: { statusCode: 429 },
      });
    },
  });
}

/**
 * An analytics event of either frontend system: Backstage's `AnalyticsEvent`
 * of `@backstage/core-plugin-api` (context with `extension`, `routeRef`) or
 * of `@backstage/frontend-plugin-api` (context with `extensionId`).
 *
 * @public
 */
export interface AnyAnalyticsEvent {
  action: string;
  subject: string;
  value?: number;
  attributes?: { [attribute in string]: string | boolean | number };
  context: {
    pluginId?: string;
    [key: string]: string | boolean | number | undefined;
  };
}

/**
 * One event as `POST /api/flywheel/usage/events` takes it. There is no field
 * for the person: the backend takes them from the request's credentials.
 */
export interface UsageEvent {
  action: string;
  subject: string;
  context: {
    pluginId: string;
    routeRef?: string;
    extension?: string;
    entityRef?: string;
  };
  attributes?: Record<string, string | number | boolean>;
  value?: number;
  timestamp: string;
}

/** The backend's bounds (src/schema/openapi.yaml), kept here so no event is refused. */
const MAX = {
  action: 100,
  subject: 1000,
  pluginId: 100,
  ref: 255,
  attributes: 30,
  attributeKey: 100,
  attributeValue: 500,
};

const ENTITY_REF = /^[^:/\s]+:[^:/\s]+\/[^\s]+$/;

const cut = (value: string, max: number) =>
  value.length > max ? value.slice(0, max) : value;

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length > 0 ? cut(value, max) : undefined;

/**
 * Backstage's analytics event in the backend's shape, within its bounds.
 * What the usage numbers do not need about a person stays in the browser:
 * search terms (a `search` event's subject) and the query string and hash
 * of a viewed path.
 */
export function toUsageEvent(
  event: AnyAnalyticsEvent,
  now: Date,
): UsageEvent | undefined {
  const action = text(event.action, MAX.action);
  if (!action) {
    return undefined;
  }
  const context = (event.context ?? {}) as Record<string, unknown>;
  let subject = typeof event.subject === 'string' ? event.subject : '';
  if (action === 'search') {
    subject = '';
  } else if (action === 'navigate') {
    subject = subject.split(/[?#]/)[0];
  }
  const routeRef = text(context.routeRef, MAX.ref);
  const extension = text(context.extensionId ?? context.extension, MAX.ref);
  const entityRef = text(context.entityRef, MAX.ref);
  const usage: UsageEvent = {
    action,
    subject: cut(subject, MAX.subject),
    context: {
      pluginId: text(context.pluginId, MAX.pluginId) ?? 'app',
      ...(routeRef && routeRef !== 'unknown' ? { routeRef } : {}),
      ...(extension ? { extension } : {}),
      ...(entityRef && ENTITY_REF.test(entityRef) ? { entityRef } : {}),
    },
    timestamp: now.toISOString(),
  };
  const attributes = Object.entries(event.attributes ?? {})
    .filter(
      ([key, value]) =>
        key.length > 0 &&
        key.length <= MAX.attributeKey &&
        (typeof value === 'string' ||
          typeof value === 'boolean' ||
          (typeof value === 'number' && Number.isFinite(value))),
    )
    .slice(0, MAX.attributes)
    .map(([key, value]): [string, string | number | boolean] => [
      key,
      typeof value === 'string' ? cut(value, MAX.attributeValue) : value,
    ]);
  if (attributes.length > 0) {
    usage.attributes = Object.fromEntries(attributes);
  }
  if (typeof event.value === 'number' && Number.isFinite(event.value)) {
    usage.value = event.value;
  }
  return usage;
}

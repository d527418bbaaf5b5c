import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { capabilityRouteRef, maturityRouteRef } from '../routes';

/** The route parameters of a capability's page, from its entity ref. */
export function capabilityRouteParams(entityRef: string) {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return { kind: kind.toLocaleLowerCase('en-US'), namespace, name };
}

/** The entity ref of the capability a page's parameters name. */
export function capabilityRefFromParams(params: {
  kind?: string;
  namespace?: string;
  name?: string;
}): string | undefined {
  const { kind, namespace, name } = params;
  if (!kind || !namespace || !name) {
    return undefined;
  }
  return `${kind}:${namespace}/${name}`;
}

/**
 * Links to a capability's page on the Maturity tab, or undefined when the
 * app has no Flywheel page to link to (a legacy app that places parts of
 * the plugin but not the page).
 */
export function useCapabilityLink():
  | ((entityRef: string) => string)
  | undefined {
  let route:
    | ((params: { kind: string; namespace: string; name: string }) => string)
    | undefined;
  try {
    // Throws in a legacy app without the page. It is called on every render
    // all the same, and every hook inside it runs before it throws, so the
    // order of hooks never changes; the rule only sees the try.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(capabilityRouteRef);
  } catch {
    route = undefined;
  }
  if (!route) {
    return undefined;
  }
  const link = route;
  return entityRef => link(capabilityRouteParams(entityRef));
}

/** The Maturity tab's board, or undefined without the Flywheel page. */
export function useMaturityLink(): string | undefined {
  let route: (() => string) | undefined;
  try {
    // As in useCapabilityLink.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(maturityRouteRef);
  } catch {
    route = undefined;
  }
  return route?.();
}

/** Where the maturity docs are: how to mark a capability, the models. */
export const MATURITY_DOCS_URL =
  'https://github.com/flywheel-dev/flywheel/blob/main/docs/maturity.md';

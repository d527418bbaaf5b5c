import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { createFromTemplateRouteRef } from '../routes';

/**
 * Link to the scaffolder page that runs a template. Uses the scaffolder's
 * route when the app binds it (the default in the new frontend system) and
 * the scaffolder's standard path otherwise.
 */
export function useTemplateLink(templateRef: string): string {
  const createFromTemplate = useRouteRef(createFromTemplateRouteRef);
  const { namespace, name } = parseEntityRef(templateRef, {
    defaultKind: 'template',
    defaultNamespace: 'default',
  });
  if (createFromTemplate) {
    return createFromTemplate({ namespace, templateName: name });
  }
  return `/create/templates/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

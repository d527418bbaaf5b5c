import { useCallback } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { createFromTemplateRouteRef } from '../routes';

/**
 * Links to the scaffolder pages that run templates. Uses the scaffolder's
 * route when the app binds it (the default in the new frontend system) and
 * the scaffolder's standard path otherwise. With `formData`, the form opens
 * with those values filled in: the scaffolder reads `formData` (JSON) from
 * the query string.
 */
export function useTemplateLinks(): (
  templateRef: string,
  formData?: Record<string, unknown>,
) => string {
  const createFromTemplate = useRouteRef(createFromTemplateRouteRef);
  return useCallback(
    (templateRef: string, formData?: Record<string, unknown>) => {
      const { namespace, name } = parseEntityRef(templateRef, {
        defaultKind: 'template',
        defaultNamespace: 'default',
      });
      const path = createFromTemplate
        ? createFromTemplate({ namespace, templateName: name })
        : `/create/templates/${encodeURIComponent(
            namespace,
          )}/${encodeURIComponent(name)}`;
      return formData
        ? `${path}?formData=${encodeURIComponent(JSON.stringify(formData))}`
        : path;
    },
    [createFromTemplate],
  );
}

/** Link to the scaffolder page that runs a template (see useTemplateLinks). */
export function useTemplateLink(templateRef: string): string {
  return useTemplateLinks()(templateRef);
}

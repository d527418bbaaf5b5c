import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation of the OpenAPI spec, e.g. `POST /surveys/{surveyId}/waves`. */
export type SpecOperation = {
  /** `METHOD /path`, as the spec names it. */
  route: string;
  method: HttpMethod;
  /** The spec's path, with its `{parameters}`. */
  path: string;
};

/** Every operation of the plugin's OpenAPI spec, so suites cover new routes as they land. */
export function specOperations(): SpecOperation[] {
  const spec = parse(
    readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
  );
  return Object.entries(
    spec.paths as Record<string, Record<string, unknown>>,
  ).flatMap(([path, item]) =>
    HTTP_METHODS.filter(method => item[method]).map(method => ({
      route: `${method.toUpperCase()} ${path}`,
      method,
      path,
    })),
  );
}

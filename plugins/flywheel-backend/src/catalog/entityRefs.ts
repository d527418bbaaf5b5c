import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { isStorableText } from '../database/storableInput';

/** Entity and group refs are compared and stored lowercased. */
export function normalizeRef(ref: string): string {
  // The locale-aware call is slow and most refs are lowercase already.
  return ref === ref.toLowerCase() ? ref : ref.toLocaleLowerCase('en-US');
}

/**
 * parseEntityRef takes any characters; a ref with U+0000 (which PostgreSQL
 * cannot even compare) or a lone surrogate names no entity.
 */
function parseStorableRef(
  value: string,
  context?: Parameters<typeof parseEntityRef>[1],
) {
  if (!isStorableText(value)) {
    throw new InputError('an entity ref holds no U+0000 or lone surrogate');
  }
  return parseEntityRef(value, context);
}

/** Parses a full entity ref (kind, namespace, name) from user input. */
export function parseFullRef(value: string, field: string): string {
  try {
    return stringifyEntityRef(parseStorableRef(value));
  } catch {
    throw new InputError(
      `${field} must be an entity ref like component:default/name, got '${value}'`,
    );
  }
}

/** Parses an entity ref from user input, insisting on a kind. */
export function parseRefOfKind(
  value: string,
  kind: string,
  field: string,
): string {
  let ref;
  try {
    ref = parseStorableRef(value);
  } catch (e) {
    throw new InputError(
      `${field} must be an entity ref like ${kind}:default/name, got '${value}'`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== kind) {
    throw new InputError(
      `${field} must refer to a ${kind}, got kind '${ref.kind}' in '${value}'`,
    );
  }
  return stringifyEntityRef(ref);
}

/** Parses an entity ref from user input, with a default kind and the default namespace. */
export function parseEntityRefOrThrow(
  value: string,
  field: string,
  defaultKind?: string,
) {
  try {
    return parseStorableRef(value, {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(`${field} must be an entity ref, got '${value}'`);
  }
}

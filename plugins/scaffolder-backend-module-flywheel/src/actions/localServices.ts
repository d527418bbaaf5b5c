import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import fs from 'fs-extra';
import path from 'path';
import yaml from 'yaml';

/**
 * Folder names of locally published services: lowercase letters, digits and
 * single dashes, so never `.`, `..`, a path or a hidden file.
 */
export const LOCAL_NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The message for a folder name that breaks {@link LOCAL_NAME_PATTERN}. */
export const LOCAL_NAME_MESSAGE =
  'name must be lowercase letters, digits and single dashes';

/** Throws an InputError unless `name` is a valid service folder name. */
export function assertLocalName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !LOCAL_NAME_PATTERN.test(name)) {
    throw new InputError(`${LOCAL_NAME_MESSAGE}, got ${JSON.stringify(name)}`);
  }
}

/** The error for a publish directory that is not configured. */
export function notConfiguredError() {
  return new InputError(
    'Local publishing is not configured: set flywheel.scaffolder.localPublish.directory in app-config',
  );
}

/**
 * The entity refs of the entities in a catalog descriptor, in file order;
 * documents without `kind` and `metadata.name` are skipped. `label` names
 * the file in errors.
 */
export async function readDescriptorRefs(
  file: string,
  label: string,
): Promise<string[]> {
  const documents = yaml.parseAllDocuments(await fs.readFile(file, 'utf8'));
  const refs: string[] = [];
  for (const doc of documents) {
    if (doc.errors.length > 0) {
      throw new InputError(
        `${label} is not valid YAML: ${doc.errors[0].message}`,
      );
    }
    const entity = doc.toJS();
    if (entity?.kind && entity?.metadata?.name) {
      refs.push(stringifyEntityRef(entity));
    }
  }
  return refs;
}

/** Whether two entity refs name the same entity (refs compare case-insensitively). */
export function sameRef(a: string | undefined, b: string | undefined) {
  return (
    a !== undefined &&
    b !== undefined &&
    a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US')
  );
}

/**
 * Throws a ConflictError when `dir` holds a symbolic link anywhere below it:
 * writing or reading through one could reach files outside the folder.
 */
export async function assertNoSymlinks(dir: string, label: string) {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isSymbolicLink()) {
        throw new ConflictError(
          `${label} contains a symbolic link (${path.relative(
            dir,
            full,
          )}): refusing to touch it`,
        );
      }
      if (entry.isDirectory()) {
        pending.push(full);
      }
    }
  }
}

/**
 * The folder of an existing locally published service that may be read or
 * updated as `entityRef`: `<directory>/<name>` must be a folder (not a link)
 * holding `catalogInfoPath`, and that descriptor's first entity must be
 * `entityRef`. Anything else is refused with a message that says why.
 */
export async function assertServiceFolder(options: {
  directory: string;
  name: string;
  catalogInfoPath: string;
  entityRef: string;
}): Promise<void> {
  const { directory, name, catalogInfoPath, entityRef } = options;
  const folder = path.join(directory, name);
  const stat = await fs.lstat(folder).catch(() => undefined);
  if (!stat) {
    throw new InputError(
      `There is no published service ${name}: ${folder} does not exist`,
    );
  }
  if (!stat.isDirectory() || stat.isSymbolicLink()) {
    throw new ConflictError(`${folder} is not a service folder`);
  }
  const descriptor = resolveSafeChildPath(folder, catalogInfoPath);
  if (!(await fs.pathExists(descriptor))) {
    throw new ConflictError(
      `${folder} has no ${catalogInfoPath}: it is not a published service`,
    );
  }
  const [existing] = await readDescriptorRefs(
    descriptor,
    `${name}/${catalogInfoPath}`,
  );
  if (!sameRef(existing, entityRef)) {
    throw new ConflictError(
      `${folder} holds ${
        existing ?? 'no entity'
      }, not ${entityRef}: a service folder may only be updated with its own entity`,
    );
  }
  await assertNoSymlinks(folder, folder);
}

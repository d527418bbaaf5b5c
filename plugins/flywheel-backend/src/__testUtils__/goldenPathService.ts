import { mockServices } from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { DateTime } from 'luxon';
import { CatalogReader } from '../catalog/CatalogReader';
import { EntityVisibility } from '../catalog/EntityVisibility';
import { GOLDEN_PATH_VISIBLE_KINDS } from '../goldenPaths/GoldenPathCatalog';
import { GoldenPathService } from '../goldenPaths/GoldenPathService';
import { ScaffolderRunStore } from '../goldenPaths/ScaffolderRunStore';

/**
 * A GoldenPathService as the plugin builds it, whose catalog snapshot is
 * read again on every request (tests change the catalog and runs between
 * reads). `permissions` answer both Flywheel's and the catalog's questions.
 */
export function testGoldenPathService(deps: {
  catalog: CatalogReader;
  runs: ScaffolderRunStore;
  permissions?: PermissionsService;
  now?: () => DateTime;
}): GoldenPathService {
  const permissions = deps.permissions ?? mockServices.permissions();
  return new GoldenPathService({
    ...deps,
    permissions,
    auth: mockServices.auth(),
    visibility: new EntityVisibility({
      catalog: deps.catalog,
      permissions,
      kinds: GOLDEN_PATH_VISIBLE_KINDS,
      ttlMs: 0,
    }),
    snapshotTtlMs: 0,
  });
}

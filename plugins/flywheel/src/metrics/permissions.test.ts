import { responseError } from '../__testUtils__/testData';
import { refusedPermission } from './permissions';

describe('refusedPermission', () => {
  it('names the permission the backend names', async () => {
    expect(
      refusedPermission(
        await responseError(
          403,
          'NotAllowedError',
          'Not allowed: flywheel.metrics.read',
        ),
      ),
    ).toEqual({ doing: 'see metrics', permission: 'flywheel.metrics.read' });
    expect(
      refusedPermission(
        await responseError(
          403,
          'NotAllowedError',
          'Not allowed: flywheel.scorecards.read',
        ),
      ),
    ).toEqual({
      doing: 'see this metric',
      permission: 'flywheel.scorecards.read',
    });
  });

  it('takes a bare refusal for the metrics permission', async () => {
    expect(
      refusedPermission(
        await responseError(403, 'NotAllowedError', 'Unauthorized'),
      ),
    ).toEqual({ doing: 'see metrics', permission: 'flywheel.metrics.read' });
  });

  it('leaves a refusal with its own reason, and other errors, alone', async () => {
    expect(
      refusedPermission(
        await responseError(
          403,
          'NotAllowedError',
          'Commerce owns entities you may not see; its totals would include them.',
        ),
      ),
    ).toBeUndefined();
    expect(
      refusedPermission(await responseError(500, 'Error', 'Database down')),
    ).toBeUndefined();
  });
});

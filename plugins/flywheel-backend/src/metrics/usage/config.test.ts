import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { readUsageRetentionDays } from './config';
import { UsageStore } from './store/UsageStore';
import { UsageRetention } from './UsageRetention';

const config = (retentionDays?: unknown) =>
  new ConfigReader(
    retentionDays === undefined
      ? {}
      : { flywheel: { metrics: { usage: { retentionDays } } } },
  );

describe('usage retention', () => {
  it('reads retentionDays, 395 by default', () => {
    expect(readUsageRetentionDays(config())).toBe(395);
    expect(readUsageRetentionDays(config(30))).toBe(30);
    for (const bad of [0, 1.5, 3661]) {
      expect(() => readUsageRetentionDays(config(bad))).toThrow(
        `flywheel.metrics.usage.retentionDays must be a whole number of days from 1 to 3660, got ${bad}`,
      );
    }
  });

  it('deletes what is older than the retention period', async () => {
    const deleteBefore = jest.fn(async () => ({ events: 3, days: 1 }));
    const retention = new UsageRetention({
      store: { deleteBefore } as unknown as UsageStore,
      retentionDays: 30,
      logger: mockServices.logger.mock(),
      now: () => new Date('2026-12-06T12:00:00Z'),
    });
    expect(await retention.prune()).toEqual({ events: 3, days: 1 });
    expect(deleteBefore).toHaveBeenCalledWith(new Date('2026-11-06T12:00:00Z'));
  });
});

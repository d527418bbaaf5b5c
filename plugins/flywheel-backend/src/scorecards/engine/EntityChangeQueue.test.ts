import { mockServices } from '@backstage/backend-test-utils';
import { EntityChangeQueue } from './EntityChangeQueue';

describe('EntityChangeQueue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('evaluates a burst of changes once, after the delay, without duplicates', async () => {
    const evaluate = jest.fn(async () => ({}));
    const queue = new EntityChangeQueue({
      delayMs: 5000,
      evaluate,
      logger: mockServices.logger.mock(),
    });
    queue.add('component:default/a');
    queue.add('component:default/b');
    queue.add('component:default/a');
    await jest.advanceTimersByTimeAsync(4999);
    expect(evaluate).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    await queue.stop();
    expect(evaluate).toHaveBeenCalledTimes(1);
    expect(evaluate).toHaveBeenCalledWith([
      'component:default/a',
      'component:default/b',
    ]);
  });

  it('logs a failed evaluation and keeps accepting changes', async () => {
    const logger = mockServices.logger.mock();
    const evaluate = jest
      .fn()
      .mockRejectedValueOnce(new Error('catalog down'))
      .mockResolvedValue({});
    const queue = new EntityChangeQueue({ delayMs: 10, evaluate, logger });
    queue.add('component:default/a');
    await jest.advanceTimersByTimeAsync(10);
    queue.add('component:default/b');
    await jest.advanceTimersByTimeAsync(10);
    await queue.stop();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog down'),
    );
    expect(evaluate).toHaveBeenLastCalledWith(['component:default/b']);
  });

  it('asks again for entities the catalog has not stitched yet, a few times', async () => {
    const evaluate = jest.fn(async () => ({
      missing: ['component:default/new'],
    }));
    const queue = new EntityChangeQueue({
      delayMs: 10,
      evaluate,
      logger: mockServices.logger.mock(),
      maxRetries: 2,
    });
    queue.add('component:default/new');
    for (let i = 0; i < 5; i++) {
      await jest.advanceTimersByTimeAsync(10);
    }
    await queue.stop();
    // The first try and two retries.
    expect(evaluate).toHaveBeenCalledTimes(3);
  });
});

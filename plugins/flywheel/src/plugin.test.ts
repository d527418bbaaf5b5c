import { flywheelPlugin } from './plugin';

describe('flywheel', () => {
  it('should export plugin', () => {
    expect(flywheelPlugin).toBeDefined();
  });
});

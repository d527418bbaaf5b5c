import { delegate } from './delegate';

class Counter {
  private n = 0;
  increment() {
    this.n += 1;
    return this.n;
  }
  get value() {
    return this.n;
  }
}

describe('delegate', () => {
  it('binds the named methods to the part, leaving others out', () => {
    const counter = new Counter();
    const methods = delegate(counter, ['increment']);
    const { increment } = methods; // detached, still bound
    expect(increment()).toBe(1);
    expect(increment()).toBe(2);
    expect(counter.value).toBe(2);
    expect(Object.keys(methods)).toEqual(['increment']);
  });

  it('refuses a name that is no method', () => {
    expect(() => delegate(new Counter(), ['value'])).toThrow(
      'value is no method',
    );
  });
});

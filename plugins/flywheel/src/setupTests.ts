import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// jsdom has no ResizeObserver, which recharts' ResponsiveContainer (and
// react-aria) need. A no-op is enough: charts render at their initial size.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}

if (!('ResizeObserver' in globalThis)) {
  Object.defineProperty(globalThis, 'ResizeObserver', {
    value: ResizeObserverStub,
    writable: true,
    configurable: true,
  });
}

// Lazily loaded pages can take more than the default second to appear when
// the suite runs beside others on a 2-core machine.
configure({ asyncUtilTimeout: 10_000 });

// The same for whole tests: a page that loads several things can take more
// than Jest's default 5 s there, while each wait is within the 10 s above.
jest.setTimeout(30_000);

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

import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// jsdom has no ResizeObserver, which Flywheel's charts (recharts) and
// react-aria need. A no-op is enough: charts render at their initial size.
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

// The whole app renders, its pages and cards load lazily: allow them more
// than the default second to appear, and a test more than 5 s.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

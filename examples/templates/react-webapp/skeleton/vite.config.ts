import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Answers GET /healthz on the dev server (`npm run dev`) as server.js does in production,
 * so the health badge works during development too.
 */
function devHealthz(): Plugin {
  return {
    name: 'dev-healthz',
    configureServer(server) {
      server.middlewares.use('/healthz', (_req, res) => {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ status: 'ok' }));
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), devHealthz()],
  build: {
    // Every asset stays a file under dist/assets/: server.js sends
    // `Content-Security-Policy: default-src 'self'`, which blocks inlined data: URLs.
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    // test/ holds the node:test tests of server.js; `npm test` runs them after Vitest.
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    unstubGlobals: true,
  },
});

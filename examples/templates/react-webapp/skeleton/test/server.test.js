// Tests of server.js with the built-in node:test runner (`node --test test/`).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createServer } from '../server.js';

/**
 * Starts a server on a free port.
 * @param {import('../server.js').ServerOptions} [options]
 */
async function listen(options) {
  const server = createServer(options);
  await new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve(undefined)),
  );
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return { server, baseUrl: `http://127.0.0.1:${address.port}` };
}

/** @param {import('node:http').Server} server */
async function close(server) {
  server.closeAllConnections();
  await new Promise(resolve => server.close(() => resolve(undefined)));
}

// A stand-in for dist/, so these tests do not need `npm run build`.
describe('serving a build directory', () => {
  /** @type {import('node:http').Server} */
  let server;
  let baseUrl = '';
  let tmp = '';

  before(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'server-test-'));
    const root = path.join(tmp, 'dist');
    await fs.mkdir(path.join(root, 'assets'), { recursive: true });
    await fs.writeFile(
      path.join(root, 'index.html'),
      '<!DOCTYPE html><title>fixture</title><div id="root"></div>',
    );
    await fs.writeFile(path.join(root, 'assets', 'index-abc123.js'), '1;');
    await fs.writeFile(path.join(tmp, 'secret.txt'), 'outside dist/');
    ({ server, baseUrl } = await listen({ root }));
  });

  after(async () => {
    await close(server);
    await fs.rm(tmp, { recursive: true, force: true });
  });

  test('GET /healthz answers 200 {"status":"ok"}', async () => {
    const res = await fetch(`${baseUrl}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  test('GET / serves index.html with security headers', async () => {
    const res = await fetch(`${baseUrl}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(
      res.headers.get('content-security-policy'),
      "default-src 'self'",
    );
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.match(await res.text(), /<title>fixture<\/title>/);
  });

  test('hashed assets are served as JavaScript and cached for good', async () => {
    const res = await fetch(`${baseUrl}/assets/index-abc123.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(res.headers.get('cache-control') ?? '', /immutable/);
  });

  test('files outside the build directory are not served', async () => {
    for (const urlPath of [
      '/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets',
      '/assets/missing.js',
      '/%E0%A4%A',
    ]) {
      const res = await fetch(`${baseUrl}${urlPath}`);
      assert.equal(res.status, 404, urlPath);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  test('only GET and HEAD are allowed', async () => {
    const res = await fetch(`${baseUrl}/`, { method: 'POST' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
  });
});

// The real build: runs after `npm run build` (as in CI), skipped before it.
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const built = existsSync(path.join(dist, 'index.html'));

describe(
  'serving the built app',
  { skip: !built && 'dist/ is missing: run `npm run build` first' },
  () => {
    /** @type {import('node:http').Server} */
    let server;
    let baseUrl = '';

    before(async () => {
      ({ server, baseUrl } = await listen());
    });

    after(async () => {
      await close(server);
    });

    test('GET / serves the built index.html and its script', async () => {
      const res = await fetch(`${baseUrl}/`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<title>${{ values.name }}<\/title>/);
      const script = html.match(/<script type="module"[^>]* src="([^"]+)"/);
      assert.ok(script, 'index.html loads a module script');
      const js = await fetch(`${baseUrl}${script[1]}`);
      assert.equal(js.status, 200);
      assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    });

    test('source files and package.json are not served', async () => {
      for (const urlPath of [
        '/package.json',
        '/server.js',
        '/src/main.tsx',
        '/..%2fpackage.json',
      ]) {
        const res = await fetch(`${baseUrl}${urlPath}`);
        assert.equal(res.status, 404, urlPath);
      }
    });
  },
);

'use strict';

const { after, before, test } = require('node:test');
const assert = require('node:assert/strict');
const { createServer } = require('../server.js');

/** @type {import('node:http').Server} */
let server;
let baseUrl = '';

before(async () => {
  server = createServer();
  await new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve(undefined)),
  );
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  baseUrl = `http://127.0.0.1:${address.port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(() => resolve(undefined)));
});

test('GET /healthz answers 200 {"status":"ok"}', async () => {
  const res = await fetch(`${baseUrl}/healthz`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
});

test('GET / serves index.html', async () => {
  const res = await fetch(`${baseUrl}/`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  const html = await res.text();
  assert.match(html, /<div id="root"><\/div>/);
  assert.match(html, /<title>${{ values.name }}<\/title>/);
});

test('the app script is served as JavaScript', async () => {
  const res = await fetch(`${baseUrl}/src/app.js`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
});

test('files outside src/ are not served', async () => {
  for (const path of [
    '/package.json',
    '/server.js',
    '/src/..%2fpackage.json',
    '/src/missing.js',
  ]) {
    const res = await fetch(`${baseUrl}${path}`);
    assert.equal(res.status, 404, path);
  }
});

'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createServer } = require('../src/server.js');

test('GET /notes/latest answers this week', async () => {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  try {
    const res = await fetch(
      `http://127.0.0.1:${server.address().port}/notes/latest`,
    );
    assert.equal(res.status, 200);
    assert.equal((await res.json()).week, '2026-W49');
  } finally {
    server.close();
  }
});

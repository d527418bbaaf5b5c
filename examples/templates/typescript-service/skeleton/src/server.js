// @ts-check
'use strict';

const http = require('node:http');

const SERVICE_NAME = '${{ values.name }}';
const DEFAULT_PORT = Number('${{ values.port }}');

/**
 * Writes one structured log line to stdout.
 * @param {'info' | 'error'} level
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 */
function log(level, message, fields = {}) {
  process.stdout.write(
    `${JSON.stringify({
      time: new Date().toISOString(),
      level,
      service: SERVICE_NAME,
      message,
      ...fields,
    })}\n`,
  );
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/**
 * Creates the HTTP server without starting it, so tests can listen on any port.
 * @returns {http.Server}
 */
function createServer() {
  return http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'Method not allowed' });
      return;
    }

    switch (pathname) {
      case '/healthz':
        sendJson(res, 200, { status: 'ok' });
        return;
      case '/':
        sendJson(res, 200, { message: `Hello from ${SERVICE_NAME}` });
        return;
      default:
        sendJson(res, 404, { error: 'Not found' });
    }
  });
}

/**
 * Starts the server and stops it gracefully on SIGTERM/SIGINT.
 * @param {number} [port]
 * @returns {http.Server}
 */
function start(port = Number(process.env.PORT) || DEFAULT_PORT) {
  const server = createServer();
  server.listen(port, () => {
    const address = server.address();
    log('info', 'listening', {
      port: typeof address === 'object' && address ? address.port : port,
    });
  });

  /** @param {NodeJS.Signals} signal */
  const shutdown = signal => {
    log('info', 'shutting down', { signal });
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return server;
}

if (require.main === module) {
  start();
}

module.exports = { createServer, start };

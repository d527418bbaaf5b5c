// @ts-check
'use strict';

const fs = require('node:fs/promises');
const http = require('node:http');
const path = require('node:path');

const APP_NAME = '${{ values.name }}';
const DEFAULT_PORT = 8080;
const ROOT = __dirname;
const SRC_DIR = path.join(ROOT, 'src');

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * @param {'info' | 'error'} level
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 */
function log(level, message, fields = {}) {
  process.stdout.write(
    `${JSON.stringify({
      time: new Date().toISOString(),
      level,
      service: APP_NAME,
      message,
      ...fields,
    })}\n`,
  );
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} contentType
 * @param {string | Buffer} body
 * @param {Record<string, string>} [headers]
 */
function send(res, status, contentType, body, headers = {}) {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/**
 * Maps a URL path to a file the server may serve, or undefined.
 * Only index.html and files inside src/ are public.
 * @param {string} pathname
 * @returns {string | undefined}
 */
function resolvePublicFile(pathname) {
  if (pathname === '/' || pathname === '/index.html') {
    return path.join(ROOT, 'index.html');
  }
  if (!pathname.startsWith('/src/')) {
    return undefined;
  }
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice('/src/'.length));
  } catch {
    return undefined;
  }
  const file = path.resolve(SRC_DIR, relative);
  return file.startsWith(SRC_DIR + path.sep) ? file : undefined;
}

/**
 * Creates the HTTP server without starting it, so tests can listen on any port.
 * @returns {http.Server}
 */
function createServer() {
  return http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(
        res,
        405,
        'application/json; charset=utf-8',
        JSON.stringify({ error: 'Method not allowed' }),
        {
          allow: 'GET, HEAD',
        },
      );
      return;
    }

    if (pathname === '/healthz') {
      send(
        res,
        200,
        'application/json; charset=utf-8',
        JSON.stringify({ status: 'ok' }),
      );
      return;
    }

    const file = resolvePublicFile(pathname);
    if (file) {
      try {
        const body = await fs.readFile(file);
        const type =
          CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
        send(res, 200, type, body, { 'cache-control': 'no-cache' });
        return;
      } catch {
        // fall through to 404
      }
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
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

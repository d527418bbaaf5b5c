// @ts-check
// The production server: plain Node.js, no dependencies. It serves the app that
// `npm run build` writes to dist/, and GET /healthz for Docker and Kubernetes probes.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_NAME = '${{ values.name }}';
const DEFAULT_PORT = 8080;
const DIST_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'dist',
);

/** Sent with every response. The built app loads only its own files from dist/. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'",
  'x-content-type-options': 'nosniff',
};

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {'info' | 'warn' | 'error'} level
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
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/**
 * Maps a URL path to a file inside `root` (dist/), or undefined.
 * Decoded `..` segments (such as `/..%2fpackage.json`) cannot leave `root`.
 * @param {string} root absolute path of the directory to serve
 * @param {string} pathname
 * @returns {string | undefined}
 */
export function resolvePublicFile(root, pathname) {
  if (pathname === '/') {
    return path.join(root, 'index.html');
  }
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice(1));
  } catch {
    return undefined;
  }
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * @typedef {object} ServerOptions
 * @property {string} [root] the directory to serve; dist/ by default
 */

/**
 * Creates the HTTP server without starting it, so tests can listen on any port.
 * @param {ServerOptions} [options]
 * @returns {http.Server}
 */
export function createServer({ root = DIST_DIR } = {}) {
  const publicRoot = path.resolve(root);
  return http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(
        res,
        405,
        'application/json; charset=utf-8',
        JSON.stringify({ error: 'Method not allowed' }),
        { allow: 'GET, HEAD' },
      );
      return;
    }

    if (pathname === '/healthz') {
      send(
        res,
        200,
        'application/json; charset=utf-8',
        JSON.stringify({ status: 'ok' }),
        { 'cache-control': 'no-store' },
      );
      return;
    }

    const file = resolvePublicFile(publicRoot, pathname);
    if (file) {
      try {
        const body = await fs.readFile(file);
        const type =
          CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
        // Vite puts a content hash in the names of the files under assets/.
        const cacheControl = pathname.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache';
        send(res, 200, type, body, { 'cache-control': cacheControl });
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
export function start(port = Number(process.env.PORT) || DEFAULT_PORT) {
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    log('warn', 'dist/index.html is missing: run `npm run build` first');
  }
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

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  start();
}

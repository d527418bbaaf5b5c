import http from 'node:http';

const SERVICE_NAME = '${{ values.name }}';
const DEFAULT_PORT = Number('${{ values.port }}');

/** Writes one structured log line to stdout. */
function log(
  level: 'info' | 'error',
  message: string,
  fields: Record<string, unknown> = {},
): void {
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

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** Creates the HTTP server without starting it, so tests can listen on any port. */
export function createServer(): http.Server {
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

/** Starts the server and stops it gracefully on SIGTERM/SIGINT. */
export function start(
  port: number = Number(process.env.PORT) || DEFAULT_PORT,
): http.Server {
  const server = createServer();
  server.listen(port, () => {
    const address = server.address();
    log('info', 'listening', {
      port: typeof address === 'object' && address ? address.port : port,
    });
  });

  const shutdown = (signal: NodeJS.Signals) => {
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

'use strict';

// Hand-made service: no framework, no build.
const http = require('node:http');

const notes = {
  week: '2026-W49',
  entries: [
    { title: 'Catalog: faster search', pullRequests: 4 },
    { title: 'TechDocs: dark mode', pullRequests: 2 },
  ],
};

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function createServer() {
  return http.createServer((req, res) => {
    if (req.url === '/healthz') return send(res, 200, { status: 'ok' });
    if (req.url === '/notes/latest') return send(res, 200, notes);
    return send(res, 404, { error: 'Not found' });
  });
}

if (require.main === module) {
  createServer().listen(Number(process.env.PORT) || 8080);
}

module.exports = { createServer };

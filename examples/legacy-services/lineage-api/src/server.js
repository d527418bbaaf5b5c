'use strict';

const http = require('node:http');

// Refreshed nightly from the warehouse's query log (not in this demo).
const lineage = {
  orders: {
    upstream: ['raw_orders', 'raw_payments'],
    downstream: ['revenue_daily'],
  },
  revenue_daily: { upstream: ['orders'], downstream: [] },
};

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/health') {
      res.end('ok');
      return;
    }
    const table = url.searchParams.get('table');
    if (url.pathname === '/lineage' && table && lineage[table]) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ table, ...lineage[table] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  })
  .listen(Number(process.env.PORT) || 3000);

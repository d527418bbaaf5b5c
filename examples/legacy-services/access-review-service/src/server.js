'use strict';

const http = require('node:http');

const reviews = [
  {
    id: 'q4-payments-core',
    team: 'payments-core',
    due: '2026-12-15',
    answered: false,
  },
  { id: 'q4-checkout', team: 'checkout', due: '2026-12-15', answered: true },
];

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/reviews/open') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(reviews.filter(r => !r.answered)));
      return;
    }
    const answer = /^\/reviews\/([a-z0-9-]+)\/answer$/.exec(req.url);
    const review = answer && reviews.find(r => r.id === answer[1]);
    if (req.method === 'POST' && review) {
      review.answered = true;
      res.statusCode = 204;
      res.end();
      return;
    }
    res.statusCode = 404;
    res.end();
  })
  .listen(Number(process.env.PORT) || 8080);

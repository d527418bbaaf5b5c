import express from 'express';
import request from 'supertest';
import {
  isStorableText,
  MAX_INPUT_DEPTH,
  refuseUnstorableInput,
  unstorableInput,
} from './storableInput';

describe('unstorableInput', () => {
  it('takes text either database stores as sent, emoji and markup included', () => {
    expect(
      unstorableInput(
        {
          title: "<script>alert(1)</script>' OR 1=1 --",
          emoji: '🧑🏽‍💻 e\u0301 \u202e',
          list: ['a', { b: 'c' }],
        },
        'body',
      ),
    ).toBeUndefined();
    expect(isStorableText('pair \ud83e\udd13')).toBe(true);
  });

  it('says where it finds U+0000 or a lone surrogate, in values and keys', () => {
    expect(unstorableInput({ events: [{ action: 'a\u0000' }] }, 'body')).toBe(
      'body.events[0].action holds U+0000 or a lone surrogate, which cannot be stored as text',
    );
    expect(unstorableInput({ note: 'x\ud800' }, 'body')).toMatch(/body\.note/);
    expect(unstorableInput({ note: '\udc00x' }, 'body')).toMatch(/body\.note/);
    expect(unstorableInput({ 'k\u0000': 1 }, 'body')).toMatch(/a key/);
  });

  it(`refuses JSON nested more than ${MAX_INPUT_DEPTH} levels, without running out of stack`, () => {
    const deep = JSON.parse(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    expect(unstorableInput({ context: deep }, 'body')).toMatch(
      /^body\.context(\.a)+ is nested more than 32 levels deep$/,
    );
    let ok: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) {
      ok = [ok];
    }
    expect(unstorableInput({ ok }, 'body')).toBeUndefined();
  });
});

describe('refuseUnstorableInput', () => {
  const app = express();
  app.use(express.json());
  app.use('/things', refuseUnstorableInput());
  app.all('/things/*', (_req, res) => {
    res.json({ reached: true });
  });
  app.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res
        .status(400)
        .json({ error: { name: error.name, message: error.message } });
    },
  );

  it('lets ordinary requests through', async () => {
    const res = await request(app)
      .post('/things/a%20b?q=%3Cscript%3E')
      .send({ title: "' OR 1=1 --" });
    expect(res.body).toEqual({ reached: true });
  });

  it.each([
    ['the path', '/things/a%00b', undefined],
    ['the query', '/things/x?groupRef=user%3Adefault%2Fa%00', undefined],
    ['the body', '/things/x', { waveId: 'w\u0000' }],
    ['the body', '/things/x', JSON.parse('{"note":"\\ud800"}')],
  ])(
    'refuses U+0000 or a lone surrogate in %s with InputError',
    async (where, path, body) => {
      const res = await request(app)
        .post(path)
        .send(body ?? {});
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(
        where === 'the body' ? 'body.' : where,
      );
    },
  );
});

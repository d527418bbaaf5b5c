import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { bulkWrite, sqlitePreparedRead } from './statements';

jest.setTimeout(60_000);

const AT = new Date('2026-11-20T10:00:00.000Z');

describe('bulkWrite', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function table(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.schema.createTable('t', t => {
      t.string('id').primary();
      t.integer('n').notNullable();
      t.text('doc').nullable();
      t.boolean('flag').nullable();
      t.timestamp('at', { useTz: true }).nullable();
    });
    return knex;
  }

  const write = (db: Knex, rows: object[]) =>
    bulkWrite(
      db,
      't',
      ['id', 'n', 'doc', 'flag', 'at'],
      rows,
      { keys: ['id'], set: { n: 't.n + excluded.n' } },
      ['doc'],
    );

  it.each(databases.eachSupportedId())(
    'inserts and upserts the same way in and outside transactions on %p',
    async databaseId => {
      const knex = await table(databaseId);
      const doc = JSON.stringify([['a', 'pass', 'says "hi" \\ ✓', 1.5]]);
      const inserts: string[] = [];
      knex.on('query', (q: { sql: string }) => {
        if (/^insert/i.test(q.sql)) inserts.push(q.sql);
      });
      // Outside a transaction, then inside one (SQLite's prepared path).
      await write(knex, [
        { id: 'x', n: 1, doc, flag: true, at: AT },
        { id: 'y', n: 2, doc: null, flag: false },
      ]);
      await knex.transaction(trx =>
        write(trx, [
          { id: 'x', n: 10, doc, flag: true, at: AT },
          { id: 'z', n: 3, doc, flag: null, at: AT },
        ]),
      );
      // On SQLite the transaction's rows went through a prepared statement
      // of the driver, on PostgreSQL both writes did: no knex query.
      expect(inserts).toHaveLength(databaseId === 'SQLITE_3' ? 1 : 0);
      const rows = await knex('t').orderBy('id');
      expect(
        rows.map(r => [
          r.id,
          Number(r.n),
          r.doc === null ? null : JSON.parse(r.doc),
          r.flag === null ? null : Boolean(r.flag),
          r.at === null ? null : new Date(r.at).toISOString(),
        ]),
      ).toEqual([
        ['x', 11, JSON.parse(doc), true, AT.toISOString()],
        ['y', 2, null, false, null],
        ['z', 3, JSON.parse(doc), null, AT.toISOString()],
      ]);
      // Bound Dates still compare with what was written.
      const [{ c }] = await knex('t').where('at', '>=', AT).count({ c: '*' });
      expect(Number(c)).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes more rows than one statement carries, again and again, on %p',
    async databaseId => {
      const knex = await table(databaseId);
      await knex.schema.createTable('u', t => {
        t.string('id').primary();
        t.integer('n').notNullable();
      });
      // 1,203 rows: PostgreSQL's prepared statements of 500 rows twice,
      // then the rest in one statement of its own.
      const rows = (n: number) =>
        Array.from({ length: 1203 }, (_, i) => ({
          id: `r${String(i).padStart(4, '0')}`,
          n,
          doc: JSON.stringify({ i }),
          at: AT,
        }));
      await write(knex, rows(1));
      // The same statements again, on the pool's and a transaction's
      // connection, and a table of other columns with the same row counts.
      await knex.transaction(trx => write(trx, rows(2)));
      await write(knex, rows(4));
      await bulkWrite(
        knex,
        'u',
        ['id', 'n'],
        rows(5).map(({ id, n }) => ({ id, n })),
      );

      const [{ c, total, docs }] = await knex('t').select(
        knex.raw('count(*) as c'),
        knex.raw('sum(n) as total'),
        knex.raw('count(distinct doc) as docs'),
      );
      const [u] = await knex('u').select(
        knex.raw('count(*) as c'),
        knex.raw('min(n) as lo'),
        knex.raw('max(n) as hi'),
      );
      expect({
        c: Number(c),
        total: Number(total),
        docs: Number(docs),
        u: [Number(u.c), Number(u.lo), Number(u.hi)],
        last: await knex('t').where('id', 'r1202').first('n', 'doc'),
      }).toEqual({
        c: 1203,
        total: 1203 * 7,
        docs: 1203,
        u: [1203, 5, 5],
        last: { n: 7, doc: JSON.stringify({ i: 1202 }) },
      });
    },
  );
});

describe('sqlitePreparedRead', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const SQL = 'SELECT id, n, at FROM t WHERE n >= ? ORDER BY id';

  it.each(databases.eachSupportedId())(
    'reads through a prepared statement of the driver on SQLite only, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('t', t => {
        t.string('id').primary();
        t.integer('n').notNullable();
        t.timestamp('at', { useTz: true }).nullable();
      });
      await knex('t').insert([
        { id: 'a', n: 1, at: AT },
        { id: 'b', n: 2, at: null },
      ]);
      const queries: string[] = [];
      knex.on('query', (q: { sql: string }) => queries.push(q.sql));

      const first = await sqlitePreparedRead(knex, SQL, [1]);
      // A transaction's read goes through its own connection and sees its writes.
      const inTransaction = await knex.transaction(async trx => {
        await trx('t').insert({ id: 'c', n: 3, at: AT });
        return sqlitePreparedRead<{ id: string }>(trx, SQL, [2]);
      });
      // Dates bind as knex binds them.
      const byDate = await sqlitePreparedRead<{ id: string }>(
        knex,
        'SELECT id FROM t WHERE at >= ? ORDER BY id',
        [AT],
      );

      const sqlite = databaseId === 'SQLITE_3';
      // Other drivers leave the read to the caller's knex query.
      expect({
        first,
        inTransaction: inTransaction?.map(r => r.id),
        byDate: byDate?.map(r => r.id),
        // None of the reads went through knex.
        knexReads: queries.filter(q => /^select/i.test(q)),
      }).toEqual(
        sqlite
          ? {
              first: [
                { id: 'a', n: 1, at: AT.valueOf() },
                { id: 'b', n: 2, at: null },
              ],
              inTransaction: ['b', 'c'],
              byDate: ['a', 'c'],
              knexReads: [],
            }
          : {
              first: undefined,
              inTransaction: undefined,
              byDate: undefined,
              knexReads: [],
            },
      );
    },
  );
});
